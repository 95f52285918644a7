export { searchRoutes } from './routes';
export { SearchPage } from './pages/search-page';
export { TopBarSearch } from './components/top-bar-search';
