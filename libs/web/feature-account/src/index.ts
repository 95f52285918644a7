export { SignInPage } from './pages/sign-in-page';
export { RegisterPage } from './pages/register-page';
export { ProfilePage } from './pages/profile-page';
export { PeoplePage } from './pages/people-page';
export { AdministrationPage } from './pages/administration-page';
export { roleName } from './pages/role-label';
export { RequireViewer, useSignOut, useViewer } from './viewer';
export { PersonPage } from './pages/person-page';
