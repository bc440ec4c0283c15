import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../../../libs/config/config.js';
import { AuthGuard, TokenService } from './common/auth.js';
import { ErrorFilter } from './common/error.filter.js';
import { ShutdownGate } from './common/shutdown-gate.js';
import { IdempotencyInterceptor } from './common/idempotency.interceptor.js';
import { RateLimitGuard } from './common/rate-limit.guard.js';
import { CoreModule } from './core/core.module.js';
import { loggingOptions } from './core/logging.js';
import { HttpMetricsMiddleware, MetricsController, MetricsRegistry } from './core/metrics.js';
import { OpsController } from './http/ops/ops.controller.js';
import { OpsProposalsController } from './http/ops/ops-proposals.controller.js';
import { OpsProposalsService } from './http/ops/ops-proposals.service.js';
import { AuditInterceptor } from './common/audit.interceptor.js';
import { HttpTracingMiddleware } from './core/tracing.middleware.js';
import { AccountsController } from './http/accounts/accounts.controller.js';
import { AccountsService } from './http/accounts/accounts.service.js';
import { ConnectsController } from './http/connects/connects.controller.js';
import { ConnectsService } from './http/connects/connects.service.js';
import { FreelancersController } from './http/freelancers/freelancers.controller.js';
import { FreelancersService } from './http/freelancers/freelancers.service.js';
import { HealthController } from './http/health/health.controller.js';
import { InterviewOpsController } from './http/interviews/interview-ops.controller.js';
import { InterviewsController } from './http/interviews/interviews.controller.js';
import { InterviewsService } from './http/interviews/interviews.service.js';
import { InvitationsController } from './http/invitations/invitations.controller.js';
import { InvitationsService } from './http/invitations/invitations.service.js';
import { JobInvitationsController } from './http/invitations/job-invitations.controller.js';
import { JobsController } from './http/jobs/jobs.controller.js';
import { JobsService } from './http/jobs/jobs.service.js';
import { OffersController } from './http/proposals/offers.controller.js';
import { OffersService } from './http/proposals/offers.service.js';
import { ProposalsController } from './http/proposals/proposals.controller.js';
import { ProposalsService } from './http/proposals/proposals.service.js';
import { ProposalContentService } from './http/proposals/proposal-content.service.js';
import { TwilioWebhooksController } from './http/webhooks/twilio-webhooks.controller.js';
import { TwilioWebhooksService } from './http/webhooks/twilio-webhooks.service.js';
import { CallsController } from './http/calls/calls.controller.js';
import { CallsService } from './http/calls/calls.service.js';
import { MessagesController } from './http/messages/messages.controller.js';
import { MessagesService } from './http/messages/messages.service.js';
import { ThreadAccess } from './http/messages/thread-access.service.js';
import { ContentModerator } from './http/moderation/content-moderator.service.js';
import { FlagsController } from './http/moderation/flags.controller.js';
import { FlagsService } from './http/moderation/flags.service.js';
import { OutboxListener } from './realtime/outbox-listener.js';
import { RealtimeGateway } from './realtime/realtime.gateway.js';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config), LoggerModule.forRoot(loggingOptions(config))],
      controllers: [MetricsController, OpsController, OpsProposalsController, AccountsController, ConnectsController, JobsController, ProposalsController, OffersController, HealthController, JobInvitationsController, InvitationsController, FreelancersController, InterviewsController, InterviewOpsController, TwilioWebhooksController, MessagesController, CallsController, FlagsController],
      providers: [
        MetricsRegistry,
        TokenService,
        AccountsService,
        ConnectsService,
        JobsService,
        ProposalsService,
        OffersService,
        InvitationsService,
        FreelancersService,
        InterviewsService,
        TwilioWebhooksService,
        ContentModerator,
        ProposalContentService,
        ThreadAccess,
        MessagesService,
        CallsService,
        FlagsService,
        OutboxListener,
        RealtimeGateway,
        OpsProposalsService,
        AuditInterceptor,
        ShutdownGate,
        // Guards run in this order: who is calling, then how often they may write.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpTracingMiddleware, HttpMetricsMiddleware).forRoutes('*');
  }
}
