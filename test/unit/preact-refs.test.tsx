// @vitest-environment happy-dom
import { createRef, forwardRef, type Ref } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from './web-render.js';

afterEach(() => {
  document.body.innerHTML = '';
});

const Forwarded = forwardRef<HTMLHeadingElement>(function Forwarded(_props, ref) {
  return <h2 ref={ref}>forwarded</h2>;
});

/** React 19's way: `ref` arrives as a prop. */
function RefAsProp({ ref }: { ref?: Ref<HTMLHeadingElement> }) {
  return <h2 ref={ref}>as a prop</h2>;
}

describe('refs on Preact 10 (why test/unit/preact-compat.test.ts asks for forwardRef)', () => {
  it('reach the element through forwardRef', async () => {
    const ref = createRef<HTMLHeadingElement>();
    const { container } = await mount(<Forwarded ref={ref} />);
    expect(ref.current).toBe(container.querySelector('h2'));
  });

  it('do not reach it as a plain prop of a function component, as React 19 would pass it', async () => {
    // If this fails, Preact passes `ref` as a prop (as Preact 11 does) and the forwardRef rule can go.
    const ref = createRef<HTMLHeadingElement>();
    await mount(<RefAsProp ref={ref} />);
    expect(ref.current).not.toBeInstanceOf(HTMLElement);
  });
});
