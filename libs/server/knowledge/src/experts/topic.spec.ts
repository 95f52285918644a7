import { topicTags } from './topic';

describe('topicTags', () => {
  it.each([
    ['#Security', { tags: ['security'], prefix: 'security' }],
    ['API keys', { tags: ['api-keys', 'api', 'keys'], prefix: 'api-keys' }],
    ['deploys, logs', { tags: ['deploys-logs', 'deploys', 'logs'], prefix: 'deploys-logs' }],
    ['k', { tags: ['k'], prefix: null }],
    ['###', { tags: [], prefix: null }],
  ])('%p → %p', (topic, expected) => expect(topicTags(topic)).toEqual(expected));
});
