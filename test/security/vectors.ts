/**
 * XSS vectors from public sources, each put through every field and attribute of the three
 * elements by xss.test.ts.
 *
 * Sources:
 * - OWASP XSS Filter Evasion Cheat Sheet (OWASP/CheatSheetSeries,
 *   cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.md), section names quoted;
 * - DOMPurify's test fixtures (cure53/DOMPurify, test/fixtures/expect.mjs), titles or ids quoted;
 * - marked's published XSS reports and advisories (markedjs/marked issues and pull requests,
 *   CVE-2016-10531, CVE-2017-1000427), plus the Markdown forms of the same tricks.
 *
 * Adapted only where a payload would reach outside the test server: `{img}` stands for a local
 * file that is not an image (so `onerror` would fire, without a 404) and `{host}` for a local
 * folder, where the originals name an outside host or a missing file.
 */

export interface Vector {
  id: string;
  source: string;
  payload: string;
}

/** A local file served as 200 that no browser can decode as an image. */
export const BROKEN_IMAGE = '/test/security/assets/broken.png';
const HOST = `${location.origin}/test/security/assets`;

const OWASP = 'OWASP XSS Filter Evasion Cheat Sheet';
const PURIFY = 'DOMPurify fixtures';
const MARKED = 'marked';

const raw: Array<[string, string, string]> = [
  // OWASP XSS Filter Evasion Cheat Sheet
  ['owasp-01', `${OWASP}: Basic XSS Test Without Filter Evasion`, '<SCRIPT SRC={host}/xss.js></SCRIPT>'],
  ['owasp-02', `${OWASP}: XSS Locator (Polyglot)`, 'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"`/+/onmouseover=1/+/[*/[]/+alert(42);//\'>'],
  ['owasp-03', `${OWASP}: Malformed A Tags`, '<a onmouseover="alert(document.cookie)">xxs link</a>'],
  ['owasp-04', `${OWASP}: Malformed A Tags, no quotes`, '<a onmouseover=alert(document.cookie)>xxs link</a>'],
  ['owasp-05', `${OWASP}: Malformed IMG Tags`, '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>'],
  ['owasp-06', `${OWASP}: fromCharCode`, '<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>'],
  ['owasp-07', `${OWASP}: Default SRC Tag to Get Past Filters`, '<IMG SRC=# onmouseover="alert(\'xxs\')">'],
  ['owasp-08', `${OWASP}: Default SRC Tag by Leaving it Empty`, '<IMG SRC= onmouseover="alert(\'xxs\')">'],
  ['owasp-09', `${OWASP}: Default SRC Tag by Leaving it out Entirely`, '<IMG onmouseover="alert(\'xxs\')">'],
  ['owasp-10', `${OWASP}: On Error Alert`, '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>'],
  ['owasp-11', `${OWASP}: IMG onerror and JavaScript Alert Encode`, '<img src={img} onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">'],
  ['owasp-12', `${OWASP}: Decimal HTML Character References`, '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>'],
  ['owasp-13', `${OWASP}: Decimal HTML Character References Without Trailing Semicolons`, '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>'],
  ['owasp-14', `${OWASP}: Hexadecimal HTML Character References Without Trailing Semicolons`, '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>'],
  ['owasp-15', `${OWASP}: Embedded Tab`, '<IMG SRC="jav\tascript:alert(\'XSS\');">'],
  ['owasp-16', `${OWASP}: Embedded Encoded Tab`, '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">'],
  ['owasp-17', `${OWASP}: Embedded Newline`, '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">'],
  ['owasp-18', `${OWASP}: Embedded Carriage Return`, '<IMG SRC="jav&#x0D;ascript:alert(\'XSS\');">'],
  ['owasp-19', `${OWASP}: Null breaks up JavaScript directive`, '<IMG SRC=java\0script:alert("XSS")>'],
  ['owasp-20', `${OWASP}: Spaces and Meta Chars Before the JavaScript`, '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">'],
  ['owasp-21', `${OWASP}: Non-alpha-non-digit XSS`, '<SCRIPT/XSS SRC="{host}/xss.js"></SCRIPT>'],
  ['owasp-22', `${OWASP}: Non-alpha-non-digit event handler`, '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>'],
  ['owasp-23', `${OWASP}: Extraneous Open Brackets`, '<<SCRIPT>alert("XSS");//\\<</SCRIPT>'],
  ['owasp-24', `${OWASP}: No Closing Script Tags`, '<SCRIPT SRC={host}/xss.js?< B >'],
  ['owasp-25', `${OWASP}: Half Open HTML/JavaScript XSS Vector`, '<IMG SRC="`<javascript:alert>`(\'XSS\')"'],
  ['owasp-26', `${OWASP}: Double Open Angle Brackets`, '<iframe src={host}/scriptlet.html <'],
  ['owasp-27', `${OWASP}: Escaping JavaScript Escapes`, '\\";alert(\'XSS\');//'],
  ['owasp-28', `${OWASP}: Escaping JavaScript Escapes, end the script block`, '</script><script>alert(\'XSS\');</script>'],
  ['owasp-29', `${OWASP}: End Title Tag`, '</TITLE><SCRIPT>alert("XSS");</SCRIPT>'],
  ['owasp-30', `${OWASP}: INPUT Image`, '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">'],
  ['owasp-31', `${OWASP}: BODY Image`, '<BODY BACKGROUND="javascript:alert(\'XSS\')">'],
  ['owasp-32', `${OWASP}: IMG Dynsrc`, '<IMG DYNSRC="javascript:alert(\'XSS\')">'],
  ['owasp-33', `${OWASP}: IMG Lowsrc`, '<IMG LOWSRC="javascript:alert(\'XSS\')">'],
  ['owasp-34', `${OWASP}: List-style-image`, '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>'],
  ['owasp-35', `${OWASP}: VBscript in an Image`, '<IMG SRC=\'vbscript:msgbox("XSS")\'>'],
  ['owasp-36', `${OWASP}: SVG Object Tag`, '<svg/onload=alert(\'XSS\')>'],
  ['owasp-37', `${OWASP}: BODY Tag`, '<BODY ONLOAD=alert(\'XSS\')>'],
  ['owasp-38', `${OWASP}: BGSOUND`, '<BGSOUND SRC="javascript:alert(\'XSS\');">'],
  ['owasp-39', `${OWASP}: & JavaScript includes`, '<BR SIZE="&{alert(\'XSS\')}">'],
  ['owasp-40', `${OWASP}: STYLE sheet`, '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">'],
  ['owasp-41', `${OWASP}: STYLE Tags that Breaks Up JavaScript`, '<STYLE>@im\\port\'\\ja\\vasc\\ript:alert("XSS")\';</STYLE>'],
  ['owasp-42', `${OWASP}: STYLE Attribute that Breaks Up an Expression`, '<IMG STYLE="xss:expr/*XSS*/ession(alert(\'XSS\'))">'],
  ['owasp-43', `${OWASP}: STYLE Tag using Background-image`, '<STYLE>.XSS{background-image:url("javascript:alert(\'XSS\')");}</STYLE><A CLASS=XSS></A>'],
  ['owasp-44', `${OWASP}: Anonymous HTML with STYLE Attribute`, '<XSS STYLE="xss:expression(alert(\'XSS\'))">'],
  ['owasp-45', `${OWASP}: META`, '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">'],
  ['owasp-46', `${OWASP}: META using Data`, '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">'],
  ['owasp-47', `${OWASP}: IFRAME`, '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>'],
  ['owasp-48', `${OWASP}: IFRAME Event Based`, '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>'],
  ['owasp-49', `${OWASP}: FRAME`, '<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>'],
  ['owasp-50', `${OWASP}: TABLE`, '<TABLE BACKGROUND="javascript:alert(\'XSS\')">'],
  ['owasp-51', `${OWASP}: TD`, '<TABLE><TD BACKGROUND="javascript:alert(\'XSS\')">'],
  ['owasp-52', `${OWASP}: DIV Background-image`, '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">'],
  ['owasp-53', `${OWASP}: DIV Expression`, '<DIV STYLE="width: expression(alert(\'XSS\'));">'],
  ['owasp-54', `${OWASP}: Downlevel-Hidden Block`, '<!--[if gte IE 4]>\n<SCRIPT>alert(\'XSS\');</SCRIPT>\n<![endif]-->'],
  ['owasp-55', `${OWASP}: BASE Tag`, '<BASE HREF="javascript:alert(\'XSS\');//">'],
  ['owasp-56', `${OWASP}: OBJECT Tag`, '<OBJECT TYPE="text/x-scriptlet" DATA="{host}/scriptlet.html"></OBJECT>'],
  ['owasp-57', `${OWASP}: EMBED SVG Which Contains XSS Vector`, '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>'],
  ['owasp-58', `${OWASP}: XML Data Island with CDATA Obfuscation`, '<XML ID="xss"><I><B><IMG SRC="javas<!-- -->cript:alert(\'XSS\')"></B></I></XML>\n<SPAN DATASRC="#xss" DATAFLD="B" DATAFORMATAS="HTML"></SPAN>'],
  ['owasp-59', `${OWASP}: Cookie Manipulation`, '<META HTTP-EQUIV="Set-Cookie" Content="USERID=<SCRIPT>alert(\'XSS\')</SCRIPT>">'],
  ['owasp-60', `${OWASP}: UTF-7 Encoding`, '<HEAD><META HTTP-EQUIV="CONTENT-TYPE" CONTENT="text/html; charset=UTF-7"> </HEAD>+ADw-SCRIPT+AD4-alert(\'XSS\');+ADw-/SCRIPT+AD4-'],
  ['owasp-61', `${OWASP}: HTML+TIME in XML`, '<HTML><BODY>\n<?xml:namespace prefix="t" ns="urn:schemas-microsoft-com:time">\n<?import namespace="t" implementation="#default#time2">\n<t:set attributeName="innerHTML" to="XSS<SCRIPT DEFER>alert("XSS")</SCRIPT>">\n</BODY></HTML>'],

  // DOMPurify's test fixtures
  ['purify-01', `${PURIFY}: safe usage of URI-like attribute values (#135)`, '<b href="javascript:alert(1)" title="javascript:alert(2)"></b>'],
  ['purify-02', `${PURIFY}: JavaScript URIs using Unicode LS/PS`, '123<a href=\'\u2028javascript:alert(1)\'>I am a dolphin!</a>'],
  ['purify-03', `${PURIFY}: JavaScript URIs using Unicode Whitespace`, '123<a href=\' javascript:alert(1)\'>CLICK</a><a href=\'&#xA0javascript:alert(1)\'>CLICK</a><a href=\'&#x1680;javascript:alert(1)\'>CLICK</a><a href=\'&#x180E;javascript:alert(1)\'>CLICK</a><a href=\'&#x2000;javascript:alert(1)\'>CLICK</a><a href=\'&#x200B;javascript:alert(1)\'>CLICK</a><a href=\'&#x205f;javascript:alert(1)\'>CLICK</a><a href=\'&#x3000;javascript:alert(1)\'>CLICK</a>'],
  ['purify-04', `${PURIFY}: Image with JavaScript URI src (DoS on Firefox)`, '<img src=\'javascript:while(1){}\'>'],
  ['purify-05', `${PURIFY}: Link with data URI href`, '<a href=data:,evilnastystuff>clickme</a>'],
  ['purify-06', `${PURIFY}: DOM clobbering XSS by @irsdl using attributes`, '<form onmouseover=\'alert(1)\'><input name="attributes"><input name="attributes">'],
  ['purify-07', `${PURIFY}: onclick, onsubmit, onfocus; DOM clobbering: parentNode`, '<div onclick=alert(0)><form onsubmit=alert(1)><input onfocus=alert(2) name=parentNode>123</form></div>'],
  ['purify-08', `${PURIFY}: mXSS Variation I`, '<listing>&lt;img onerror="alert(1);//" src={img}&gt;<t t></listing>'],
  ['purify-09', `${PURIFY}: mXSS Variation II`, '<img src={img} id/=\' onerror=alert(1)//\'>'],
  ['purify-10', `${PURIFY}: Textarea and comments enabling img element`, '<textarea>@shafigullin</textarea><!--</textarea><img src={img} onerror=alert(1)>-->'],
  ['purify-11', `${PURIFY}: Img element inside noscript terminated inside comment`, '<b><noscript><!-- </noscript><img src={img} onerror=alert(1) --></noscript>'],
  ['purify-12', `${PURIFY}: Img element inside noscript terminated inside attribute`, '<b><noscript><a alt="</noscript><img src={img} onerror=alert(1)>"></noscript>'],
  ['purify-13', `${PURIFY}: Img element inside shadow DOM template`, '<body><template><s><template><s><img src={img} onerror=alert(1)>@shafigullin</s></template></s></template>'],
  ['purify-14', `${PURIFY}: Low-range-ASCII obfuscated JavaScript URI`, '<a href="\u0001java\u0003script:alert(1)">@shafigullin<a>'],
  ['purify-15', `${PURIFY}: Img inside style inside broken option element`, '\u0001<option><style></option></select><b><img src={img} onerror=alert(1)></style></option>'],
  ['purify-16', `${PURIFY}: Iframe inside option element`, '<option><iframe></select><b><script>alert(1)</script>'],
  ['purify-17', `${PURIFY}: Image after style to trick jQuery tag-completion`, '<b><style><style/><img src={img} onerror=alert(1)>'],
  ['purify-18', `${PURIFY}: DOM clobbering attack using name=body`, '<image name=body><image name=adoptNode>@mmrupp<image name=firstElementChild><svg onload=alert(1)>'],
  ['purify-19', `${PURIFY}: DOM clobbering attack using name=body and injecting SVG + keygen`, '<image name=body><img src={img}><svg onload=alert(1); autofocus>, <keygen onfocus=alert(1); autofocus>'],
  ['purify-20', `${PURIFY}: Bypass using multiple unknown attributes`, '<div onmouseout="javascript:alert(/superevr/)" x=yscript: n>@superevr</div>'],
  ['purify-21', `${PURIFY}: Bypass using event handlers and unknown attributes`, '<button remove=me onmousedown="javascript:alert(1);" onclick="javascript:alert(1)" >@giutro'],
  ['purify-22', `${PURIFY}: Bypass using DOM bugs when dealing with JS URIs in arbitrary attributes`, '<a href="javascript:123" onclick="alert(1)">CLICK ME (bypass by @shafigullin)</a>'],
  ['purify-23', `${PURIFY}: Bypass using DOM bugs ... (II)`, '<isindex x="javascript:" onmouseover="alert(1)" label="variation of bypass by @giutro">'],
  ['purify-24', `${PURIFY}: Bypass using unknown attributes III`, '<div wow=removeme onmouseover=alert(1)>text'],
  ['purify-25', `${PURIFY}: Bypass using unknown attributes IV`, '<input x=javascript: autofocus onfocus=alert(1)><svg id=1 onload=alert(1)></svg>'],
  ['purify-26', `${PURIFY}: form action with a newline in the scheme`, '<form action="javasc\nript:alert(1)"><button>XXX</button></form>'],
  ['purify-27', `${PURIFY}: #1 formaction`, '<div id="1"><form id="foobar"></form><button form="foobar" formaction="javascript:alert(1)">X</button>//["\'`-->]]>]</div>'],
  ['purify-28', `${PURIFY}: #7 autofocus onfocus`, '<div id="7"><input onfocus=alert(7) autofocus>//["\'`-->]]>]</div>'],
  ['purify-29', `${PURIFY}: #10 video poster`, '<div id="10"><video poster=javascript:alert(10)//></video>//["\'`-->]]>]</div>'],
  ['purify-30', `${PURIFY}: #11 svg g onload`, '<div id="11"><svg xmlns="http://www.w3.org/2000/svg"><g onload="javascript:alert(11)"></g></svg>//["\'`-->]]>]</div>'],
  ['purify-31', `${PURIFY}: #31 frameset onload`, '<div id="31"><frameset onload=alert(31)>//["\'`-->]]>]</div>'],
  ['purify-32', `${PURIFY}: #33 positioned links`, '<div id="33"><a style="pointer-events:none;position:absolute;"><a style="position:absolute;" onclick="alert(33);">XXX</a></a><a href="javascript:alert(2)">XXX</a>//["\'`-->]]>]</div>'],
  ['purify-33', `${PURIFY}: #37 comment in attribute`, '<div id="37"><!--<img src="--><img src={img}? onerror=alert(37)//">//["\'`-->]]>]</div>'],
  ['purify-34', `${PURIFY}: #39 bogus CDATA`, '<![><img src="]><img src={img} onerror=alert(39)//">'],
  ['purify-35', `${PURIFY}: SVG CDATA`, '<svg><![CDATA[><image xlink:href="]]><img src={img} onerror=alert(2)//"></svg>//["\'`-->]]>]</div>'],
  ['purify-36', `${PURIFY}: #40 style in attribute`, '<div id="40"><style><img src="</style><img src={img} onerror=alert(40)//">//["\'`-->]]>]</div>'],
  ['purify-37', `${PURIFY}: #42 base javascript:`, '<div id="42"><head><base href="javascript://"/></head><body><a href="/. /,alert(42)//#">XXX</a></body>//["\'`-->]]>]</div>'],
  ['purify-38', `${PURIFY}: #47 script in svg`, '<div id="47"><svg xmlns="http://www.w3.org/2000/svg"><script>alert(47)</script></svg>//["\'`-->]]>]</div>'],
  ['purify-39', `${PURIFY}: #50 object data:text/html`, '<div id="50"><object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>//["\'`-->]]>]</div>'],
  ['purify-40', `${PURIFY}: #51 embed data:text/html`, '<div id="51"><embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></embed>//["\'`-->]]>]</div>'],
  ['purify-41', `${PURIFY}: #55 source onerror`, '<div id="55"><video><source onerror="alert(55)">//["\'`-->]]>]</div>'],
  ['purify-42', `${PURIFY}: #57 script inside a tag`, '<div id="57"><b <script>alert(57)//</script>0</script></b>//["\'`-->]]>]</div>'],
  ['purify-43', `${PURIFY}: #65 svg onload`, '<div id="65"><svg onload="javascript:alert(65)" xmlns="http://www.w3.org/2000/svg"></svg>//["\'`-->]]>]</div>'],
  ['purify-44', `${PURIFY}: #72 button formaction`, '<div id="72"><form><button formaction="javascript:alert(72)">X</button>//["\'`-->]]>]</div>'],
  ['purify-45', `${PURIFY}: #86 body oninput`, '<div id="86"><body oninput=alert(86)><input autofocus>//["\'`-->]]>]</div>'],
  ['purify-46', `${PURIFY}: #87 svg a xlink:href`, '<div id="87"><svg xmlns="http://www.w3.org/2000/svg">\n<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="javascript:alert(87)"><rect width="1000" height="1000" fill="white"/></a>\n</svg>//["\'`-->]]>]</div>'],
  ['purify-47', `${PURIFY}: #89 svg set attributeName`, '<div id="89"><svg xmlns="http://www.w3.org/2000/svg">\n<set attributeName="onmouseover" to="alert(89)"/>\n<animate attributeName="onunload" to="alert(89)"/>\n</svg>//["\'`-->]]>]</div>'],
  ['purify-48', `${PURIFY}: #128 svg style`, '<div id="128"><svg><style><img/src={img} onerror=alert(128)// </b>//["\'`-->]]>]</div>'],
  ['purify-49', `${PURIFY}: MathML href`, '<div id="130"><math href="javascript:alert(130)">CLICKME</math>\n<math>\n<maction actiontype="statusline" xlink:href="javascript:alert(3)">CLICKME<mtext>http://http://google.com</mtext></maction>\n</math>//["\'`-->]]>]</div>'],
  ['purify-50', `${PURIFY}: #137 svg animate xlink:href`, '<div id="137"><svg>\n<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="?">\n<circle r="400"></circle>\n<animate attributeName="xlink:href" begin="0" from="javascript:alert(137)" to="&" />\n</a>//["\'`-->]]>]</div>'],
  ['purify-51', `${PURIFY}: mXSS with SVG in Chrome 77 and alike 1/2`, '<svg></p><textarea><title><style></textarea><img src={img} onerror=alert(1)></style></title></svg>'],
  ['purify-52', `${PURIFY}: mXSS with SVG in Chrome 77 and alike 2/2`, '<svg></p><title><a id="</title><img src={img} onerror=alert()>"></textarea></svg>'],
  ['purify-53', `${PURIFY}: mXSS with MathML in Chrome 77 and alike`, '<math></p><textarea><mi><style></textarea><img src={img} onerror=alert(1)></mi></math>'],
  ['purify-54', `${PURIFY}: mXSS with SVG Templates in Chrome 77 and alike`, '<svg></p><title><template><style></title><img src={img} onerror=alert(1)>'],
  ['purify-55', `${PURIFY}: mXSS with MathML Templates in Chrome 77 and alike`, '<math></br><textarea><mtext><template><style></textarea><img src={img} onerror=alert(1)>'],
  ['purify-56', `${PURIFY}: mXSS with embedded MathML/SVG`, '<svg></p><math><title><style><img src={img} onerror=alert(1)></style></title>'],
  ['purify-57', `${PURIFY}: attribute-based mXSS 1/3`, '<svg><p><style><g title="</style><img src={img} onerror=alert(1)>">'],
  ['purify-58', `${PURIFY}: attribute-based mXSS 2/3`, '<svg><foreignobject><p><style><p title="</style><iframe onload&#x3d;alert(1)<!--"></style>'],
  ['purify-59', `${PURIFY}: attribute-based mXSS 3/3`, '<math><annotation-xml encoding="text/html"><p><style><p title="</style><iframe onload&#x3d;alert(1)<!--"></style>'],
  ['purify-60', `${PURIFY}: nesting-based mXSS 1/5`, '<form><math><mtext></form><form><mglyph><style><img src={img} onerror=alert(1)>'],
  ['purify-61', `${PURIFY}: nesting-based mXSS 2/5`, '<math><mtext><table><mglyph><style><math href=javascript:alert(1)>CLICKME</math>'],
  ['purify-62', `${PURIFY}: nesting-based mXSS 3/5`, '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src={img} onerror=alert(1)&gt;">'],
  ['purify-63', `${PURIFY}: HTML inside MathML 1/2`, '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=\'alert(1)\'>"></style></h1>'],
  ['purify-64', `${PURIFY}: fake-element-based namespace confusion 1/2`, 'a<svg><xss><desc><noscript>&lt;/noscript>&lt;/desc>&lt;s>&lt/s>&lt;style>&lt;a title="&lt;/style>&lt;img src onerror=alert(1)>">'],
  ['purify-65', `${PURIFY}: removal of templates inside select elements`, '<select><template><img src={img} onerror=alert(1)></template></select>'],
  ['purify-66', `${PURIFY}: removal-based mXSS 1/2`, '<xmp><svg><b><style><b title=\'</style><img>\'>'],

  // marked: published XSS reports and the Markdown forms of the same tricks
  ['marked-01', `${MARKED}: CVE-2016-10531, entity without semicolon (PR #592)`, '[URL](javascript&#58document;alert&#40;1&#41;)'],
  ['marked-02', `${MARKED}: sanitization bypass using HTML entities (#808)`, '[URL](javascript&#x3Awindow;alert&#40;1&#41;)'],
  ['marked-03', `${MARKED}: encoded closing parenthesis (#203)`, '[naughty link](javascript:alert(\'xss\'&#41;)'],
  ['marked-04', `${MARKED}: vbscript: link (#492)`, '[xss link](vbscript:alert(1&#41;)'],
  ['marked-05', `${MARKED}: CVE-2017-1000427, data: URI link (#916)`, '[xss link](data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K)'],
  ['marked-06', `${MARKED}: javascript: link`, '[a](javascript:alert(1))'],
  ['marked-07', `${MARKED}: mixed-case scheme`, '[a](JaVaScRiPt:alert(1))'],
  ['marked-08', `${MARKED}: autolink`, '<javascript:alert(1)>'],
  ['marked-09', `${MARKED}: link destination in angle brackets`, '[a](<javascript:alert(1)>)'],
  ['marked-10', `${MARKED}: reference definition`, '[a][x]\n\n[x]: javascript:alert(1)'],
  ['marked-11', `${MARKED}: attribute break-out from an image URL`, '![x]({img}?"onerror="alert(1))'],
  ['marked-12', `${MARKED}: attribute break-out from alt text`, '![" onerror="alert(1)]({img})'],
  ['marked-13', `${MARKED}: attribute break-out from a link URL`, '[x](https://clinic.example/"onmouseover="alert(1))'],
  ['marked-14', `${MARKED}: attribute break-out from a title`, '[x](https://clinic.example/ "a\\" onmouseover=\\"alert(1)")'],
  ['marked-15', `${MARKED}: raw HTML in link text`, '[<img src={img} onerror=alert(1)>](https://clinic.example/)'],
  ['marked-16', `${MARKED}: raw HTML in emphasis`, '**<img src={img} onerror=alert(1)>**'],
  ['marked-17', `${MARKED}: script in a code span and a fenced block`, '`<script>alert(1)</script>`\n\n```html\n<script>alert(1)</script>\n```'],
  ['marked-18', `${MARKED}: javascript: with a comment and an encoded newline`, '[a](javascript://%0aalert(1))'],
  ['marked-19', `${MARKED}: character reference inside the scheme`, '[a](javas&#99;ript:alert(1))'],
  ['marked-20', `${MARKED}: HTML block with event handler`, '<div onmouseover="alert(1)">\n\n*hover*\n\n</div>'],
  ['marked-21', `${MARKED}: GFM autolink next to a javascript: URL`, 'www.clinic.example/javascript:alert(1) and javascript:alert(1)'],
  ['marked-22', `${MARKED}: image with javascript: source`, '![a](javascript:alert(1))'],
  ['marked-23', `${MARKED}: HTML entity break-out in the link text`, '[&lt;img src={img} onerror=alert(1)&gt;](https://clinic.example/)'],
  ['marked-24', `${MARKED}: table cell with a handler`, '| a |\n|---|\n| <img src={img} onerror=alert(1)> |'],
];

function localize(payload: string): string {
  return payload.replaceAll('{img}', BROKEN_IMAGE).replaceAll('{host}', HOST);
}

export const VECTORS: readonly Vector[] = raw.map(([id, source, payload]) => ({ id, source, payload: localize(payload) }));
