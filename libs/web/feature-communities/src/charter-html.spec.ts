import { nestHeadings } from './charter-html';

describe('nestHeadings', () => {
  it('puts the charter’s top heading level at h4 and keeps the levels below it in order', () => {
    expect(nestHeadings('<h2>Why</h2><p>a</p><h3 id="x">How</h3><h2>Rules</h2>')).toBe('<h4>Why</h4><p>a</p><h5 id="x">How</h5><h4>Rules</h4>');
  });

  it('stops at h6 and leaves other elements alone', () => {
    expect(nestHeadings('<h1>A</h1><h4>B</h4><header>c</header><hr>')).toBe('<h4>A</h4><h6>B</h6><header>c</header><hr>');
    expect(nestHeadings('<p>No headings</p>')).toBe('<p>No headings</p>');
  });
});
