import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth.js';
import { TwilioWebhooksService } from './twilio-webhooks.service.js';

/** Called by Twilio, not by users: no bearer token, a request signature instead. */
@ApiTags('webhooks')
@Public()
@Controller('v1/webhooks/twilio')
export class TwilioWebhooksController {
  constructor(private readonly webhooks: TwilioWebhooksService) {}

  @Post('video')
  @HttpCode(204)
  @ApiOperation({ summary: 'Twilio Video room and recording status callbacks (X-Twilio-Signature required)' })
  video(@Headers('x-twilio-signature') signature: string | undefined, @Body() body: unknown) {
    return this.webhooks.videoStatus(signature, body);
  }
}
