import { slugFromName } from '@commons/shared-contracts';
import type {
  ApiError,
  Audience,
  CommunityVisibility,
  CreateCommunityInput,
  SocialIntent,
  UseCase,
} from '@commons/web-data-access';
import type { Person } from '../components/person-picker';
import { toObjectiveInput, type ObjectiveFormValues } from '../objectives/objective-model';
import { checkObjective, rules } from '../validation';

/** An objective of the new community: the objective form's values, in a row with a stable React key. */
export type ObjectiveRow = ObjectiveFormValues & { key: number };

export interface WizardValues {
  audiences: Audience[];
  intent: SocialIntent | null;
  intentStatement: string;
  useCases: UseCase[];
  objectives: ObjectiveRow[];
  cohortName: string;
  cohortDescription: string;
  cohortMembers: Person[];
  startPilot: boolean;
  name: string;
  slug: string;
  /** Once the person types a slug, the name no longer proposes one. */
  slugEdited: boolean;
  description: string;
  charter: string;
  visibility: CommunityVisibility | null;
}

export const EMPTY_WIZARD: WizardValues = {
  audiences: [],
  intent: null,
  intentStatement: '',
  useCases: [],
  objectives: [],
  cohortName: '',
  cohortDescription: '',
  cohortMembers: [],
  startPilot: false,
  name: '',
  slug: '',
  slugEdited: false,
  description: '',
  charter: '',
  visibility: null,
};

/** The steps, in the order a community's strategy is decided: who, why, how, what for, with whom. */
export const STEPS = [
  { label: 'Audience', description: 'Who it is for' },
  { label: 'Social intent', description: 'Why it exists' },
  { label: 'Use cases', description: 'How it works' },
  { label: 'Objectives', description: 'What it aims for' },
  { label: 'Pilot cohort', description: 'Who tries it first' },
  { label: 'Review', description: 'Name and create' },
] as const;
export const REVIEW_STEP = STEPS.length - 1;

/** Error messages keyed by the server's field names (`objectives.0.target`, `newCohort.name`…). */
export type WizardErrors = Record<string, string>;

/** The step each input field of createCommunity is asked on. */
const STEP_OF_FIELD: Record<string, number> = {
  audiences: 0,
  intent: 1,
  intentStatement: 1,
  useCases: 2,
  objectives: 3,
  newCohort: 4,
  cohortIds: 4,
  startPilot: 4,
  name: 5,
  slug: 5,
  description: 5,
  charter: 5,
  visibility: 5,
};

/** Fields the wizard shows next to an input; a server error on any other goes in the alert. */
const SHOWN_FIELD =
  /^(audiences|intent|intentStatement|useCases|objectives\.\d+\.(metricKey|title|baseline|target|direction|dueDate)|newCohort\.(name|description|memberIds)|cohortIds|startPilot|name|slug|description|charter|visibility)$/u;

export function stepOfField(field: string): number | undefined {
  return STEP_OF_FIELD[field.split('.')[0]];
}

export const isShownField = (field: string) => SHOWN_FIELD.test(field);

/** The server's field errors as the wizard keys them, and the earliest step they belong to. */
export function serverFieldErrors(error: ApiError | null): { errors: WizardErrors; step: number | undefined } {
  const errors: WizardErrors = {};
  let step: number | undefined;
  for (const { field, message } of error?.fields ?? []) {
    if (!isShownField(field)) continue;
    errors[field] ??= message;
    const at = stepOfField(field);
    if (at !== undefined) step = step === undefined ? at : Math.min(step, at);
  }
  return { errors, step };
}

export const withNewCohort = (v: WizardValues) => v.cohortName.trim() !== '' || v.cohortMembers.length > 0;

/** The slug shown: the typed one, or the one proposed from the name. */
export const effectiveSlug = (v: WizardValues) => (v.slugEdited ? v.slug : slugFromName(v.name));

/** Checks one step with the server's rules; an empty result lets the person move on. */
export function validateStep(step: number, v: WizardValues, today: string): WizardErrors {
  const errors: WizardErrors = {};
  const add = (field: string, message: string | undefined) => {
    if (message) errors[field] ??= message;
  };
  switch (step) {
    case 0:
      if (v.audiences.length === 0) add('audiences', 'Choose at least one audience.');
      break;
    case 1:
      if (!v.intent) add('intent', 'Choose the social intent the community serves.');
      add('intentStatement', v.intentStatement.trim() ? rules.intentStatement(v.intentStatement) : 'Say in one or two sentences what the community is for.');
      break;
    case 2:
      if (v.useCases.length === 0) add('useCases', 'Choose at least one use case.');
      break;
    case 3:
      v.objectives.forEach((o, i) => {
        if (!o.metricKey) add(`objectives.${i}.metricKey`, 'Choose a metric.');
        add(`objectives.${i}.title`, rules.objectiveTitle(o.title));
        for (const [field, message] of Object.entries(checkObjective(o, today))) add(`objectives.${i}.${field}`, message);
      });
      break;
    case 4:
      if (withNewCohort(v)) add('newCohort.name', rules.cohortName(v.cohortName));
      if (v.cohortDescription.trim()) add('newCohort.description', rules.description(v.cohortDescription));
      if (v.startPilot && !withNewCohort(v)) add('cohortIds', 'A pilot needs a cohort: name it and add the people who will try it.');
      else if (v.startPilot && v.cohortMembers.length === 0) add('newCohort.memberIds', 'Add the people who will try the pilot.');
      break;
    case 5:
      add('name', rules.name(v.name));
      add('slug', rules.slug(effectiveSlug(v)));
      add('description', rules.description(v.description));
      add('charter', rules.charter(v.charter));
      if (!v.visibility) add('visibility', 'Choose who can find and join the community.');
      break;
  }
  return errors;
}

/** Every step at once, with the first step that fails (before sending). */
export function validateAll(v: WizardValues, today: string): { errors: WizardErrors; step: number | undefined } {
  for (let step = 0; step < STEPS.length; step++) {
    const errors = validateStep(step, v, today);
    if (Object.keys(errors).length > 0) return { errors, step };
  }
  return { errors: {}, step: undefined };
}

/** What createCommunity receives; call only after validateAll passed. */
export function toCreateInput(v: WizardValues): CreateCommunityInput {
  return {
    audiences: v.audiences,
    intent: v.intent,
    intentStatement: v.intentStatement.trim(),
    useCases: v.useCases,
    objectives: v.objectives.map((o) => toObjectiveInput(o)),
    newCohort: withNewCohort(v)
      ? { name: v.cohortName.trim(), description: v.cohortDescription.trim() || null, memberIds: v.cohortMembers.map((p) => p.id) }
      : null,
    startPilot: v.startPilot,
    name: v.name.trim(),
    slug: effectiveSlug(v).trim(),
    description: v.description.trim(),
    charter: v.charter,
    visibility: v.visibility,
  };
}
