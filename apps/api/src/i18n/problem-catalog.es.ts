import { type ProblemCatalog } from './problem-catalog';

export const PROBLEMS_ES: ProblemCatalog = {
  VALIDATION_FAILED: {
    title: 'La solicitud no es válida',
    detail: 'La solicitud no tiene la forma documentada; revise los campos indicados.',
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    title: 'Se necesita un encabezado Idempotency-Key',
    detail: 'Las operaciones que mueven dinero necesitan un encabezado Idempotency-Key.',
  },
  UNAUTHENTICATED: {
    title: 'Se necesita autenticación',
    detail: 'Inicie sesión con su tarjeta y su PIN.',
  },
  SESSION_EXPIRED: {
    title: 'La sesión ha caducado',
    detail: 'La sesión ha caducado. Inicie sesión de nuevo.',
  },
  INVALID_CREDENTIALS: {
    title: 'El número de tarjeta o el PIN no es correcto',
    detail: 'El número de tarjeta o el PIN no es correcto.',
    detailWithFact:
      'El número de tarjeta o el PIN no es correcto. Intentos restantes: {{attemptsRemaining}}.',
  },
  CARD_BLOCKED: {
    title: 'La tarjeta está bloqueada',
    detail: 'Esta tarjeta ha sido bloqueada. Póngase en contacto con el banco.',
  },
  FORBIDDEN: {
    title: 'Su función no permite esta acción',
    detail: 'Su función de administrador no permite esta acción.',
  },
  NOT_FOUND: { title: 'No encontrado', detail: 'El recurso no existe.' },
  IDEMPOTENCY_IN_PROGRESS: {
    title: 'Una solicitud con esta Idempotency-Key aún se está procesando',
    detail:
      'Una solicitud con esta Idempotency-Key aún se está procesando; vuelva a intentarlo en breve.',
  },
  STATEMENT_NOT_READY: {
    title: 'El estado de cuenta aún no está listo',
    detail: 'El estado de cuenta aún no está listo. Vuelva a intentarlo en un momento.',
  },
  STATEMENT_GONE: {
    title: 'El estado de cuenta ya no está disponible',
    detail: 'El PDF de este estado de cuenta ya no existe. Solicite uno nuevo.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    title: 'La Idempotency-Key se usó con otra solicitud',
    detail: 'Esta Idempotency-Key ya se usó con una solicitud distinta.',
  },
  INVALID_AMOUNT: {
    title: 'La cantidad no está permitida',
    detail: 'La cantidad no cumple las reglas de esta operación.',
  },
  INSUFFICIENT_FUNDS: {
    title: 'Fondos insuficientes',
    detail: 'El saldo disponible no cubre esta cantidad.',
  },
  DAILY_LIMIT_EXCEEDED: {
    title: 'Límite diario superado',
    detail: 'La operación superaría el límite diario de la cuenta.',
    detailWithFact:
      'La operación superaría el límite diario de la cuenta. Disponible hoy: {{remaining}}.',
  },
  SAME_ACCOUNT: {
    title: 'Transferencia a la misma cuenta',
    detail: 'Elija otra cuenta de destino.',
  },
  RECIPIENT_NOT_FOUND: {
    title: 'No se encontró la cuenta de destino',
    detail: 'Ninguna cuenta de cliente de este banco tiene ese número.',
  },
  ACCOUNT_NOT_ACTIVE: {
    title: 'La cuenta no está activa',
    detail: 'La cuenta está congelada o cerrada.',
  },
  WEAK_PIN: {
    title: 'El PIN es demasiado fácil de adivinar',
    detail: 'Evite dígitos repetidos, series como 1234, los PIN más comunes y su PIN actual.',
  },
  CANNOT_DISPENSE: {
    title: 'El cajero no puede entregar esta cantidad',
    detail: 'Ninguna combinación de los billetes disponibles forma esta cantidad.',
  },
  ACCOUNT_NOT_EMPTY: {
    title: 'La cuenta todavía tiene dinero',
    detail: 'Solo se puede cerrar una cuenta con saldo cero.',
  },
  INVALID_OVERDRAFT_LINK: {
    title: 'Solo se puede vincular una cuenta de ahorros del mismo cliente',
    detail: 'Solo se puede vincular una cuenta de ahorros del mismo cliente.',
  },
  CARD_LOCKED: {
    title: 'La tarjeta está bloqueada',
    detail: 'Demasiados PIN incorrectos. La tarjeta está bloqueada.',
    detailWithFact:
      'Demasiados PIN incorrectos. La tarjeta está bloqueada hasta el {{lockedUntil}}.',
  },
  ADMIN_LOCKED: {
    title: 'Demasiados inicios de sesión fallidos',
    detail: 'Demasiados inicios de sesión fallidos. Inténtelo más tarde.',
    detailWithFact: 'Demasiados inicios de sesión fallidos. Inténtelo después del {{lockedUntil}}.',
  },
  RATE_LIMITED: {
    title: 'Demasiadas solicitudes',
    detail: 'Demasiadas solicitudes. Espere antes de volver a intentarlo.',
  },
  SERVICE_UNAVAILABLE: {
    title: 'El servicio no está disponible temporalmente',
    detail:
      'Un servicio del que depende el cajero no está disponible. Inténtelo de nuevo en breve.',
  },
  MAINTENANCE: {
    title: 'El cajero está fuera de servicio',
    detail: 'Este cajero está temporalmente fuera de servicio.',
  },
  INTERNAL_ERROR: {
    title: 'Algo falló de nuestro lado',
    detail: 'Algo falló de nuestro lado. Esta solicitud no movió dinero.',
  },
};
