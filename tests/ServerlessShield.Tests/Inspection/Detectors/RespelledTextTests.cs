namespace ServerlessShield.Tests.Inspection.Detectors;

// The spellings the detectors read: an HTML parser's view (MarkupText), a lenient file API's (PathSpelling) and a
// shell's (ShellText) of a value, rewritten only where that reader sees something else than the characters sent.
// Each case is also checked past the stack buffer, in a rented one.
public class RespelledTextTests
{
    [Theory]
    [InlineData("Hello World", "hello world")]
    [InlineData("javascript&colon;alert(1)", "javascript:alert(1)")]
    [InlineData("Tom &amp Jerry & Co", "tom & jerry & co")]
    [InlineData("+ADw-SCRIPT+AD4-", "<script>")]
    [InlineData("+ADx-a +AD", "+adx-a +ad")]
    [InlineData("1\u20444script3\u20444 13 1\u2044", "<script> 13 1\u2044")]
    [InlineData("\u00BCscript\u00BE", "<script>")]
    [InlineData("Java\\0Script", "javascript")]
    [InlineData("a\\01b\\", "a\\01b\\")]
    [InlineData("Z\u00FCr\u00ADich\u200B\u200C\u200D\u2060\uFEFF", "z\u00FCrich")]
    [InlineData("X\0Y", "xy")]
    [InlineData("S\u00E3o PAULO \u00C9COLE &colon; \u4E2D\u6587 Ok", "s\u00E3o paulo \u00C9cole : \u4E2D\u6587 ok")]
    public void MarkupText_IsWhatAnHtmlParserReads(string value, string expected)
    {
        Assert.Equal(expected, Markup(value));
        var padding = new string('P', MarkupText.StackBufferSize);
        Assert.Equal(padding.ToLowerInvariant() + expected, Markup(padding + value));
    }

    [Theory]
    [InlineData("Images/Logo.PNG", "images/logo.png")]
    [InlineData("..%2f..%2FETC/passwd", "../../etc/passwd")]
    [InlineData("..2f..5cWin.ini", "../../win.ini")]
    [InlineData("x2fy 25% 5c ..2e", "x2fy 25% 5c ..2e")]
    [InlineData("0x2e0x2e0x2fetc", "../etc")]
    [InlineData("0x41 0x2", "0x41 0x2")]
    [InlineData("%c0%ae%c0%ae/", "../")]
    [InlineData("%uEFC8%u002e%u002E", "/..")]
    [InlineData("\u2215etc\u2215passwd", "/etc/passwd")]
    [InlineData("C:\\Windows\\..\\System32", "c:/windows/../system32")]
    [InlineData("\uFF25tc..\uFF0F", "\uFF25tc../")]
    [InlineData("a%qfb%", "a/b%")]
    [InlineData("%2%e%2%e%2%f", "../")]
    [InlineData("Z\u00FCrich/..5c", "z\u00FCrich/../")]
    [InlineData("\u00C0\u00AE\u00C0\u00AE/", "../")]
    public void PathSpelling_IsWhatALenientFileApiReads(string value, string expected)
    {
        Assert.Equal(expected, Path(value));
        var padding = new string('P', PathSpelling.StackBufferSize);
        Assert.Equal(padding.ToLowerInvariant() + expected, Path(padding + value));
    }

    [Theory]
    [InlineData("a$(b) and C:\\dir", "a$(b) and C:\\dir")]
    [InlineData("x;cat${IFS}/etc/group", "x;cat /etc/group")]
    [InlineData("$IFS$9id", " id")]
    [InlineData("a$b;cat$IFS/etc/passwd", "a$b;cat /etc/passwd")]
    [InlineData("${IFS%??}x${IFS:0:1}y", " x y")]
    [InlineData("${IFSxxxxxxxxxxxxxxxxxxx}", "${IFSxxxxxxxxxxxxxxxxxxx}")]
    [InlineData("echo a\\nid", "echo a\nid")]
    [InlineData("x\\ty\\rz", "x y\nz")]
    [InlineData("Save as C:\\new\\table.csv", "Save as C:\\new\\table.csv")]
    [InlineData("\"C:\\x\" \\nid", "\"C:\\x\" \nid")]
    [InlineData("C:\\${IFS}\\new", "C:\\ \\new")]
    [InlineData("D:\tx\\nid", "D: x\nid")]
    [InlineData("a\tb\u00A0c\vd\fe\0f", "a b c d ef")]
    [InlineData("\\", "\\")]
    [InlineData("$", "$")]
    [InlineData("\\n", "\n")]
    public void ShellText_IsWhatAShellReads(string value, string expected)
    {
        Assert.Equal(expected, Shell(value));
        var padding = new string('p', ShellText.StackBufferSize);
        Assert.Equal(padding + " " + expected, Shell(padding + " " + value));
    }

    private static string Markup(string value)
    {
        Span<char> stack = stackalloc char[MarkupText.StackBufferSize];
        using var markup = new MarkupText(value, stack);
        return markup.Text.ToString();
    }

    private static string Path(string value)
    {
        Span<char> stack = stackalloc char[PathSpelling.StackBufferSize];
        using var spelling = new PathSpelling(value, stack);
        return spelling.Text.ToString();
    }

    private static string Shell(string value)
    {
        Span<char> stack = stackalloc char[ShellText.StackBufferSize];
        using var shell = new ShellText(value, stack);
        return shell.Text.ToString();
    }
}
