import { nestHeadings } from './nest-headings';

describe('nestHeadings', () => {
  it('puts the top heading level at the one asked for and keeps the levels below it in order', () => {
    expect(nestHeadings('<h2>Why</h2><p>a</p><h3 id="x">How</h3><h2>Rules</h2>', 4)).toBe('<h4>Why</h4><p>a</p><h5 id="x">How</h5><h4>Rules</h4>');
    expect(nestHeadings('<h1>Title</h1><h2>Part</h2>', 3)).toBe('<h3>Title</h3><h4>Part</h4>');
  });

  it('stops at h6 and leaves other elements alone', () => {
    expect(nestHeadings('<h1>A</h1><h4>B</h4><header>c</header><hr>', 4)).toBe('<h4>A</h4><h6>B</h6><header>c</header><hr>');
    expect(nestHeadings('<p>No headings</p>', 4)).toBe('<p>No headings</p>');
  });
});
