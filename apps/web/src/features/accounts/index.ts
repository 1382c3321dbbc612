// The accounts feature's public surface: what the money screens need to ask for an
// account and name it, and to refresh balances after a movement. Other features import
// this file, never the folders behind it (the web lint rule enforces it).
export { AccountChoiceScreen } from './components/AccountChoice';
export { accountName, useRefreshAccounts } from './hooks/useAccounts';
export { useAccountStep } from './hooks/useAccountStep';
