import { type DocumentText, withMemo } from './document-text';

export const DOCUMENT_TEXT_ES: DocumentText = {
  accountType: { CHECKING: 'Cuenta corriente', SAVINGS: 'Cuenta de ahorros' },
  entry: (e) => {
    const other = e.counterpartyAccountNumber ?? '';
    if (e.overdraftProtection) return 'Protección contra sobregiros';
    switch (e.type) {
      case 'WITHDRAWAL':
        return 'Retiro en cajero';
      case 'DEPOSIT':
        return e.checkNumber ? `Depósito de cheque n.º ${e.checkNumber}` : 'Depósito en efectivo';
      case 'TRANSFER_OUT':
        return withMemo(`Transferencia a ${other}`, e.memo);
      case 'TRANSFER_IN':
        return withMemo(`Transferencia de ${other}`, e.memo);
      case 'OPENING':
        return 'Saldo inicial';
    }
  },
  statement: {
    title: 'Estado de cuenta',
    subject: 'Estado de cuenta',
    statementDate: (day) => `Fecha del estado: ${day}`,
    period: (from, to) => `del ${from} al ${to}`,
    timesAndCurrency: (zone) => `Horas en ${zone}. Importes en dólares estadounidenses.`,
    openingOn: (day) => `Saldo inicial al ${day}`,
    closingOn: (day) => `Saldo final al ${day}`,
    totalIn: 'Total de entradas',
    totalOut: 'Total de salidas',
    summary: 'Resumen',
    continued: (account, period) => `Estado de cuenta ${account}, ${period} (continuación)`,
    columns: {
      date: 'Fecha',
      description: 'Descripción',
      moneyIn: 'Entradas',
      moneyOut: 'Salidas',
      balance: 'Saldo',
    },
    opening: 'Saldo inicial',
    closing: 'Saldo final',
    totals: 'Totales',
    noTransactions: 'No hay movimientos en este período',
    page: (page, count) => `Página ${page} de ${count}`,
    contact:
      '¿Preguntas? Llame al 1-800-555-0100 o visite cualquier sucursal de Harbor Savings Bank.',
  },
  receipt: {
    title: 'Recibo',
    atm: 'Cajero',
    dateTime: 'Fecha y hora',
    reference: 'Referencia',
    type: 'Tipo',
    types: { WITHDRAWAL: 'Retiro', DEPOSIT: 'Depósito', TRANSFER: 'Transferencia' },
    amount: 'Importe',
    account: 'Cuenta',
    balanceAfter: 'Saldo final',
    notesDispensed: 'Billetes entregados',
    notes: (count, denomination) => `${count} × ${denomination}`,
    holdsPlaced: 'Retenciones',
    hold: (amount, day) => `${amount} hasta el ${day}`,
    noHolds: 'Ninguna: todo está disponible ya',
    checkNumber: 'Número de cheque',
    to: 'Cuenta de destino',
    overdraftProtection: 'Protección contra sobregiros',
    overdraftFrom: (amount, account) => `${amount} de ahorros ${account}`,
    memo: 'Concepto',
    thanks: 'Gracias por confiar en Harbor Savings Bank.',
  },
};
