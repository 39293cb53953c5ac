/** Stands in for the CSS files Atlaskit's components import (jsdom renders no styles). */
export default {};
