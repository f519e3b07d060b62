import { test, eventually, runsIn } from './driver';
import { expectAccessible } from './steps';

// The options page passes axe with the backend form open (the fields an agent fills in), and a
// plain-http URL outside loopback is refused with an error that says why.
test(
  'the options page passes axe and refuses plain http outside loopback',
  runsIn('chromium', 'firefox'),
  async ({ driver }) => {
    const options = await driver.openExtensionPage('options.html');
    await eventually(() => options.count('select[name=backend]')).toBe(1);
    await options.select('select[name=backend]', 'http');
    await eventually(() => options.count('input[name=backendUrl]')).toBe(1);
    await expectAccessible(options);
    await options.fill('input[name=backendUrl]', 'http://cases.example.com');
    await options.fill('input[name=token]', 'secret-token-1234');
    await options.clickButton('Save');
    await eventually(() => options.text('[data-testid=options-message]')).toContain('must use https://');
    await expectAccessible(options);
  },
);
