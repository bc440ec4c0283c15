import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../../../libs/config/config.js';
import { AppModule } from './app.module.js';
import { refuseWhileClosing, ShutdownGate } from './common/shutdown-gate.js';
import { validationPipe } from './common/validation.js';
import { webAppHandler } from './web/web-app.js';

/** Builds the HTTP application; `main.ts` listens on the configured port, tests on a free one. */
export async function createApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: true,
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  // First in line: once shutting down, new requests are refused while those in flight finish.
  app.use(refuseWhileClosing(app.get(ShutdownGate)));
  app.useBodyParser('json', { limit: '256kb' });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('hireflow')
      .setDescription('Hiring orchestrator: proposals, interviews, offers and contracts as durable workflows.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  // The web app (apps/web), when it has been built: same origin as the API and its socket.
  const webApp = webAppHandler(config.web.distDir);
  if (webApp) app.use(webApp);
  return app;
}
