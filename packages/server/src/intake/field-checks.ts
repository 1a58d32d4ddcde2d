export { isBlank } from '@hourglass/rules';
