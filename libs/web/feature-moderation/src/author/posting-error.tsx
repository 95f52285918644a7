import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorCode } from '@commons/shared-contracts';
import type { ApiError } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { TONE } from '../labels';
import { AppealButton } from './appeal';

/**
 * A post the community's policy refused: the rule's reason in the server's words, and an
 * "Appeal" for the recorded decision (nothing else was stored, so this is the only way back).
 */
export function PolicyRejectedAlert({ error }: { error: ApiError }) {
  return (
    <Alert color={TONE.bad} title="Not posted: this community’s rules do not allow it" role="alert" variant="light" data-testid="policy-rejected">
      <Stack gap="xs">
        <Text size="sm">{error.message}</Text>
        {error.guideline && (
          <Text size="sm">
            <Anchor component={Link} to={error.guideline.path} underline="always" data-testid="policy-rejected-guideline">
              Read and acknowledge “{error.guideline.title}”
            </Anchor>
          </Text>
        )}
        {error.decisionId && (
          <Group gap="xs" align="center">
            <Text size="sm">Change your text and send it again, or, if you think the rule got it wrong:</Text>
            <AppealButton targetKind="DECISION" targetId={error.decisionId} what="the rejection" />
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** A posting form's refusal: the policy's (with its appeal) or any other, as the usual alert. */
export function PostingErrorAlert({ error }: { error: ApiError }) {
  return error.code === ErrorCode.PolicyRejected ? <PolicyRejectedAlert error={error} /> : <ErrorAlert error={error} />;
}
