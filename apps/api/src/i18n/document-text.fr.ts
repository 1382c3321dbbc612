import { type DocumentText, withMemo } from './document-text';

export const DOCUMENT_TEXT_FR: DocumentText = {
  accountType: { CHECKING: 'Compte chèque', SAVINGS: 'Compte épargne' },
  entry: (e) => {
    const other = e.counterpartyAccountNumber ?? '';
    if (e.overdraftProtection) return 'Protection de découvert';
    switch (e.type) {
      case 'WITHDRAWAL':
        return 'Retrait au guichet';
      case 'DEPOSIT':
        return e.checkNumber ? `Dépôt du chèque n° ${e.checkNumber}` : "Dépôt d'espèces";
      case 'TRANSFER_OUT':
        return withMemo(`Virement vers ${other}`, e.memo, ' : ');
      case 'TRANSFER_IN':
        return withMemo(`Virement de ${other}`, e.memo, ' : ');
      case 'OPENING':
        return "Solde d'ouverture";
    }
  },
  statement: {
    title: 'Relevé de compte',
    subject: 'Relevé de compte',
    statementDate: (day) => `Date du relevé : ${day}`,
    period: (from, to) => `du ${from} au ${to}`,
    timesAndCurrency: (zone) => `Heures en ${zone}. Montants en dollars américains.`,
    openingOn: (day) => `Solde d'ouverture au ${day}`,
    closingOn: (day) => `Solde de clôture au ${day}`,
    totalIn: 'Total des entrées',
    totalOut: 'Total des sorties',
    summary: 'Résumé',
    continued: (account, period) => `Relevé ${account}, ${period} (suite)`,
    columns: {
      date: 'Date',
      description: 'Libellé',
      moneyIn: 'Entrées',
      moneyOut: 'Sorties',
      balance: 'Solde',
    },
    opening: "Solde d'ouverture",
    closing: 'Solde de clôture',
    totals: 'Totaux',
    noTransactions: 'Aucune opération pendant cette période',
    page: (page, count) => `Page ${page} sur ${count}`,
    contact:
      'Des questions ? Appelez le 1-800-555-0100 ou passez dans une succursale Harbor Savings Bank.',
  },
  receipt: {
    title: 'Reçu',
    atm: 'Guichet',
    dateTime: 'Date et heure',
    reference: 'Référence',
    type: 'Opération',
    types: { WITHDRAWAL: 'Retrait', DEPOSIT: 'Dépôt', TRANSFER: 'Virement' },
    amount: 'Montant',
    account: 'Compte',
    balanceAfter: 'Solde après',
    notesDispensed: 'Billets remis',
    notes: (count, denomination) => `${count} × ${denomination}`,
    holdsPlaced: 'Retenues',
    hold: (amount, day) => `${amount} jusqu'au ${day}`,
    noHolds: 'Aucune : tout est disponible dès maintenant',
    checkNumber: 'Numéro du chèque',
    to: 'Compte destinataire',
    overdraftProtection: 'Protection de découvert',
    overdraftFrom: (amount, account) => `${amount} du compte épargne ${account}`,
    memo: 'Note',
    thanks: "Merci d'avoir choisi Harbor Savings Bank.",
  },
};
