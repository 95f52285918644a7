import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { CreateCommunityDocument, toApiError, type ApiError } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { forgetDirectory } from '../community-cache';
import { useCommunityViewer } from '../community-query';
import { todayUtc } from '../validation';
import { AudienceStep, CohortStep, IntentStep, ObjectivesStep, ReviewStep, UseCasesStep, type StepProps } from '../wizard/wizard-steps';
import { EMPTY_WIZARD, REVIEW_STEP, STEPS, serverFieldErrors, stepOfField, toCreateInput, validateAll, validateStep, type WizardErrors, type WizardValues } from '../wizard/wizard-model';

const STEP_VIEWS = [AudienceStep, IntentStep, UseCasesStep, ObjectivesStep, CohortStep, ReviewStep];

/**
 * The new-community wizard: audience, social intent, use cases, objectives, pilot cohort,
 * then name and create. Each step is checked before the next; the server's field errors
 * bring the person back to the step they belong to.
 */
export function NewCommunityPage() {
  const { audience } = useCommunityViewer();
  const navigate = useNavigate();
  const [createCommunity, { loading }] = useMutation(CreateCommunityDocument);
  const [today] = useState(() => todayUtc());
  const [values, setValues] = useState<WizardValues>(EMPTY_WIZARD);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<WizardErrors>({});
  const [serverErrors, setServerErrors] = useState<WizardErrors>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // After moving between steps, put the keyboard and screen reader at the new step's heading.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);

  const goTo = (next: number) => {
    moved.current = true;
    setStep(next);
  };

  const change: StepProps['change'] = (patch, fields = Object.keys(patch)) => {
    setValues((v) => ({ ...v, ...patch }));
    const clear = (e: WizardErrors) => {
      const left = { ...e };
      for (const f of fields) delete left[f];
      return left;
    };
    setErrors(clear);
    setServerErrors(clear);
  };
  const error = (field: string) => errors[field] ?? serverErrors[field];
  const problems = new Set([...Object.keys(errors), ...Object.keys(serverErrors)].filter((f) => stepOfField(f) === step)).size;

  const next = () => {
    const found = validateStep(step, values, today);
    setErrors(found);
    if (Object.keys(found).length === 0) goTo(step + 1);
  };

  const create = async () => {
    const checked = validateAll(values, today);
    if (checked.step !== undefined) {
      setErrors(checked.errors);
      goTo(checked.step);
      return;
    }
    setGeneralError(null);
    setServerErrors({});
    try {
      const { data } = await createCommunity({ variables: { input: toCreateInput(values) }, update: (cache) => forgetDirectory(cache) });
      if (data) await navigate(`/communities/${data.createCommunity.slug}`);
    } catch (caught) {
      const apiError = toApiError(caught);
      const mapped = serverFieldErrors(apiError);
      setServerErrors(mapped.errors);
      if (mapped.step !== undefined) goTo(mapped.step);
      // Whatever is not about a field shown in the wizard goes in the alert.
      if (apiError && (apiError.fields.length === 0 || Object.keys(mapped.errors).length < apiError.fields.length)) setGeneralError(apiError);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step === REVIEW_STEP) void create();
    else next();
  };

  if (audience && audience !== 'EMPLOYEE') {
    return (
      <Stack>
        <Title order={2}>New community</Title>
        <Text c="dimmed">Communities are started by employees. Ask your contact to start one for you.</Text>
        <Anchor component={Link} to="/communities" underline="always">
          Back to all communities
        </Anchor>
      </Stack>
    );
  }

  const StepView = STEP_VIEWS[step];
  return (
    <Stack maw={880}>
      <Title order={2}>New community</Title>
      <Stepper active={step} onStepClick={goTo} allowNextStepsSelect={false} size="sm" aria-label="Steps">
        {STEPS.map((s) => (
          <Stepper.Step key={s.label} label={s.label} description={s.description} />
        ))}
      </Stepper>
      <Paper withBorder p="lg" radius="md">
        <form noValidate onSubmit={submit} aria-labelledby="wizard-step-heading">
          <Stack>
            <Title order={3} id="wizard-step-heading" ref={heading} tabIndex={-1}>
              {step + 1}. {STEPS[step].label}
            </Title>
            {generalError && <ErrorAlert error={generalError} />}
            {problems > 0 && !generalError && (
              <Alert color="red" variant="light" role="alert">
                {problems === 1 ? 'One answer needs another look' : `${problems} answers need another look`}: see the highlighted fields.
              </Alert>
            )}
            <StepView values={values} change={change} error={error} today={today} />
            <Group justify="space-between" mt="md">
              <Button variant="default" onClick={() => goTo(step - 1)} disabled={step === 0 || loading}>
                Back
              </Button>
              {step === REVIEW_STEP ? (
                <Button type="submit" loading={loading}>
                  Create community
                </Button>
              ) : (
                <Button type="submit">Next</Button>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
