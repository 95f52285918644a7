import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { CourseCertificateDocument, isNotFound, toApiError } from '@commons/web-data-access';
import { date, NotFound, QueryState } from '@commons/web-ui';
import { trainingPaths } from '../training-paths';

/** The certificate of a completed course, laid out to print on one page (the controls are not printed). */
export function CertificatePage() {
  const { courseId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(CourseCertificateDocument, { variables: { courseId } });
  const apiError = toApiError(error);
  if (isNotFound(apiError)) return <NotFound what="Certificate" back={{ to: trainingPaths.course(courseId), label: 'Back to the course' }} />;
  const certificate = data?.courseCertificate;
  return (
    <QueryState loading={loading && !certificate} error={apiError} onRetry={() => void refetch()}>
      {certificate && (
        <Stack gap="md" maw={860}>
          <style>{'@media print { header, nav, .certificate-controls { display: none !important; } }'}</style>
          <Group className="certificate-controls" justify="space-between">
            <Anchor component={Link} to={trainingPaths.course(courseId)} size="sm">
              ← Back to the course
            </Anchor>
            <Button onClick={() => window.print()}>Print</Button>
          </Group>
          <Paper withBorder p={48} radius="md" component="article" aria-label="Certificate of completion" style={{ textAlign: 'center', borderWidth: 3 }}>
            <Stack gap="lg" align="center">
              <Text tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 2 }}>
                Certificate of completion
              </Text>
              <Text>This certifies that</Text>
              <Title order={1}>{certificate.learnerName}</Title>
              <Text>completed the course</Text>
              <Title order={2}>{certificate.courseTitle}</Title>
              <Text>on {date(certificate.completedAt)}</Text>
              <Text size="xs" c="dimmed">
                Certificate {certificate.id}
              </Text>
            </Stack>
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}
