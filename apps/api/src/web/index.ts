// Serving the compiled web app from the API's server.
export { registerWebApp } from './web-app';
