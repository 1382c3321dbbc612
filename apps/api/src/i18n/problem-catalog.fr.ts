import { type ProblemCatalog } from './problem-catalog';

export const PROBLEMS_FR: ProblemCatalog = {
  VALIDATION_FAILED: {
    title: "La requête n'est pas valide",
    detail: "La requête n'a pas la forme documentée ; vérifiez les champs indiqués.",
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    title: 'Un en-tête Idempotency-Key est requis',
    detail: "Les opérations qui déplacent de l'argent exigent un en-tête Idempotency-Key.",
  },
  UNAUTHENTICATED: {
    title: 'Une authentification est requise',
    detail: 'Connectez-vous avec votre carte et votre PIN.',
  },
  SESSION_EXPIRED: {
    title: 'La session a expiré',
    detail: 'La session a expiré. Reconnectez-vous.',
  },
  INVALID_CREDENTIALS: {
    title: 'Le numéro de carte ou le PIN est incorrect',
    detail: 'Le numéro de carte ou le PIN est incorrect.',
    detailWithFact:
      'Le numéro de carte ou le PIN est incorrect. Essais restants : {{attemptsRemaining}}.',
  },
  CARD_BLOCKED: {
    title: 'La carte est bloquée',
    detail: 'Cette carte a été bloquée. Veuillez contacter la banque.',
  },
  FORBIDDEN: {
    title: 'Votre rôle ne permet pas cette action',
    detail: "Votre rôle d'administrateur ne permet pas cette action.",
  },
  NOT_FOUND: { title: 'Introuvable', detail: "La ressource n'existe pas." },
  IDEMPOTENCY_IN_PROGRESS: {
    title: 'Une requête avec cette Idempotency-Key est encore en cours',
    detail: 'Une requête avec cette Idempotency-Key est encore en cours ; réessayez sous peu.',
  },
  STATEMENT_NOT_READY: {
    title: "Le relevé n'est pas encore prêt",
    detail: "Le relevé n'est pas encore prêt. Réessayez dans un instant.",
  },
  STATEMENT_GONE: {
    title: "Le relevé n'est plus disponible",
    detail: "Le PDF de ce relevé n'existe plus. Demandez-en un nouveau.",
  },
  IDEMPOTENCY_KEY_REUSED: {
    title: "L'Idempotency-Key a servi à une autre requête",
    detail: 'Cette Idempotency-Key a déjà servi à une requête différente.',
  },
  INVALID_AMOUNT: {
    title: "Le montant n'est pas autorisé",
    detail: 'Le montant ne respecte pas les règles de cette opération.',
  },
  INSUFFICIENT_FUNDS: {
    title: 'Fonds insuffisants',
    detail: 'Le solde disponible ne couvre pas ce montant.',
  },
  DAILY_LIMIT_EXCEEDED: {
    title: 'Limite quotidienne dépassée',
    detail: "L'opération dépasserait la limite quotidienne du compte.",
    detailWithFact:
      "L'opération dépasserait la limite quotidienne du compte. Encore possible aujourd'hui : {{remaining}}.",
  },
  SAME_ACCOUNT: {
    title: 'Virement vers le même compte',
    detail: 'Choisissez un autre compte de destination.',
  },
  RECIPIENT_NOT_FOUND: {
    title: 'Compte destinataire introuvable',
    detail: 'Aucun compte client de cette banque ne porte ce numéro.',
  },
  ACCOUNT_NOT_ACTIVE: {
    title: "Le compte n'est pas actif",
    detail: 'Le compte est gelé ou fermé.',
  },
  WEAK_PIN: {
    title: 'Le PIN est trop facile à deviner',
    detail:
      'Évitez les chiffres répétés, les suites comme 1234, les PIN courants et votre PIN actuel.',
  },
  CANNOT_DISPENSE: {
    title: 'Le guichet ne peut pas remettre ce montant',
    detail: 'Aucune combinaison des billets disponibles ne forme ce montant.',
  },
  ACCOUNT_NOT_EMPTY: {
    title: "Le compte contient encore de l'argent",
    detail: 'Seul un compte dont le solde est nul peut être fermé.',
  },
  INVALID_OVERDRAFT_LINK: {
    title: "Seul un compte d'épargne du même client peut être lié",
    detail: "Seul un compte d'épargne du même client peut être lié.",
  },
  CARD_LOCKED: {
    title: 'La carte est bloquée',
    detail: 'Trop de PIN erronés. La carte est bloquée.',
    detailWithFact: "Trop de PIN erronés. La carte est bloquée jusqu'au {{lockedUntil}}.",
  },
  ADMIN_LOCKED: {
    title: 'Trop de connexions échouées',
    detail: 'Trop de connexions échouées. Réessayez plus tard.',
    detailWithFact: 'Trop de connexions échouées. Réessayez après le {{lockedUntil}}.',
  },
  RATE_LIMITED: {
    title: 'Trop de requêtes',
    detail: 'Trop de requêtes. Patientez avant de réessayer.',
  },
  SERVICE_UNAVAILABLE: {
    title: 'Le service est temporairement indisponible',
    detail: 'Un service dont dépend le guichet est indisponible. Réessayez sous peu.',
  },
  MAINTENANCE: {
    title: 'Le guichet est hors service',
    detail: 'Ce guichet est temporairement hors service.',
  },
  INTERNAL_ERROR: {
    title: 'Une erreur est survenue de notre côté',
    detail: "Une erreur est survenue de notre côté. Cette requête n'a déplacé aucun argent.",
  },
};
