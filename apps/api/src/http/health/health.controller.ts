import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { Public } from '../../common/auth.js';
import { TEMPORAL_CLIENT } from '../../core/tokens.js';

type Check = 'up' | 'down';
interface StatusResponse {
  status(code: number): void;
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Readiness (same as /health/ready): PostgreSQL and Temporal reachability; 503 when either is down' })
  health(@Res({ passthrough: true }) response: StatusResponse) {
    return this.ready(response);
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when PostgreSQL and Temporal answer, else 503' })
  async ready(@Res({ passthrough: true }) response: StatusResponse) {
    const [postgres, temporal] = await Promise.all([
      this.check(() => this.orm.em.fork().execute('select 1')),
      this.check(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    const ok = postgres === 'up' && temporal === 'up';
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', postgres, temporal };
  }

  private async check(probe: () => Promise<unknown>): Promise<Check> {
    try {
      await withTimeout(probe(), 2_000);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
