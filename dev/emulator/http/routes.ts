import { agileRoutes } from '../routes/agile-routes';
import { fieldRoutes } from '../routes/field-routes';
import { identityRoutes } from '../routes/identity-routes';
import { issueRoutes } from '../routes/issue-routes';
import { issueTypeRoutes } from '../routes/issue-type-routes';
import { linkRoutes } from '../routes/link-routes';
import { peopleRoutes } from '../routes/people-routes';
import { projectRoutes } from '../routes/project-routes';
import { propertyCommentRoutes } from '../routes/property-comment-routes';
import { searchRoutes } from '../routes/search-routes';
import { workflowRoutes } from '../routes/workflow-routes';
import type { Route } from './router';

/** Every Jira route the emulator serves. */
export const jiraRoutes: Route[] = [
  ...searchRoutes,
  ...issueRoutes,
  ...propertyCommentRoutes,
  ...issueTypeRoutes,
  ...fieldRoutes,
  ...linkRoutes,
  ...identityRoutes,
  ...peopleRoutes,
  ...projectRoutes,
  ...agileRoutes,
  ...workflowRoutes,
];
