namespace ServerlessShield;

/// <summary>
/// Cleans HTML in fields that are allowed to carry it (<see cref="FieldShieldOptions.AllowHtml"/>): keeps safe markup,
/// removes scripts, event handlers and dangerous URLs. The <c>ServerlessShield.Html</c> package provides one backed by
/// the HtmlSanitizer library; without it, such fields are HTML-encoded like any other text.
/// </summary>
public interface IHtmlFieldSanitizer
{
    /// <summary>Returns the HTML with everything dangerous removed.</summary>
    /// <param name="html">The submitted HTML.</param>
    /// <returns>The cleaned HTML.</returns>
    string Sanitize(string html);
}
