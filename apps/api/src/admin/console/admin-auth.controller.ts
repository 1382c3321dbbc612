import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AdminLoginResponse } from '@atm/contracts';
import { AdminApi, RequiresRole, Public } from '../../common';
import { AdminLoginThrottle } from '../../rate-limit';
import { AdminAuthService, CurrentAdmin, type AdminPrincipal } from '../identity';
import { AdminLoginDto } from './dto/admin.dto';

@ApiTags('admin')
@AdminApi()
@Controller('api/v1/admin/auth')
export class AdminAuthController {
  constructor(private readonly auth: AdminAuthService) {}

  @Public()
  @AdminLoginThrottle()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Administrator sign-in: user name, password and one-time code' })
  login(@Body() body: AdminLoginDto, @Ip() ip: string): Promise<AdminLoginResponse> {
    return this.auth.login(body, ip);
  }

  @ApiBearerAuth()
  @RequiresRole('VIEWER')
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the admin session' })
  async logout(@CurrentAdmin() admin: AdminPrincipal, @Ip() ip: string): Promise<void> {
    await this.auth.logout(admin, ip);
  }
}
