import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { FreelancersService } from './freelancers.service.js';

@ApiTags('freelancers')
@ApiBearerAuth()
@Controller('v1/freelancers')
export class FreelancersController {
  constructor(private readonly freelancers: FreelancersService) {}

  @Get(':id')
  @ApiOperation({ summary: 'A freelancer\'s profile: skills, invitation response rate and response-time bucket' })
  get(@Param('id', { schema: UuidSchema }) id: string) {
    return this.freelancers.profile(id);
  }
}
