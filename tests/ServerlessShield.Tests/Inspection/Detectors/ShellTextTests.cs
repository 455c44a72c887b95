namespace ServerlessShield.Tests.Inspection.Detectors;

// What the command-injection detector reads: the shell's view of a value, rewritten only where a shell would see
// something else than the characters sent.
public class ShellTextTests
{
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
    public void Text_IsWhatTheShellReads(string value, string expected)
    {
        Span<char> stack = stackalloc char[ShellText.StackBufferSize];
        using var shell = new ShellText(value, stack);
        Assert.Equal(expected, shell.Text.ToString());

        // Longer than the stack buffer: the same text from a rented one.
        var padding = new string('p', ShellText.StackBufferSize);
        using var longer = new ShellText(padding + " " + value, stack);
        Assert.Equal(padding + " " + expected, longer.Text.ToString());
    }
}
