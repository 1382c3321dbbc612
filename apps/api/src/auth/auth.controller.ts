import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type KeepaliveResponse, type LoginResponse, type SessionResponse } from '@atm/contracts';
import { Public } from '../common';
import { LoginThrottle } from '../rate-limit';
import { AuthService } from './auth.service';
import { ChangePinDto, LoginDto } from './dto/login.dto';
import { PinChangeService } from './pin-change.service';
import { CurrentPrincipal, type Principal } from './principal';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly pins: PinChangeService,
  ) {}

  @Public()
  @LoginThrottle()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a card number and PIN' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.auth.login(body, ip);
  }

  @ApiBearerAuth()
  @Post('keepalive')
  @HttpCode(200)
  @ApiOperation({ summary: '"Are you still there?": extends the idle timeout' })
  keepalive(@CurrentPrincipal() principal: Principal): KeepaliveResponse {
    return { expiresAt: this.auth.expiresAt(principal) };
  }

  @ApiBearerAuth()
  @Get('session')
  @ApiOperation({ summary: 'The signed-in customer, card and session end' })
  session(@CurrentPrincipal() principal: Principal): Promise<SessionResponse> {
    return this.auth.describeSession(principal);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the session; the token answers 401 from then on' })
  async logout(@CurrentPrincipal() principal: Principal, @Ip() ip: string): Promise<void> {
    await this.auth.logout(principal, ip);
  }

  @ApiBearerAuth()
  @Post('pin')
  @HttpCode(204)
  @ApiOperation({ summary: "Changes the PIN and ends the card's other sessions" })
  async changePin(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChangePinDto,
    @Ip() ip: string,
  ): Promise<void> {
    await this.pins.changePin(principal, body, ip);
  }
}
