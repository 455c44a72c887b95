namespace ServerlessShield;

/// <summary>How the bytes of a <see cref="ShieldInput"/> are to be read.</summary>
public enum InputFormat
{
    /// <summary>
    /// Read as JSON when it looks like JSON (starts with <c>{</c> or <c>[</c>), as text otherwise. Invalid JSON is then
    /// text. Bytes that are not valid UTF-8 are content of another kind (a blob, an upload, a protobuf record, a legacy
    /// encoding), not a finding: the text a handler could read out of them is inspected, and they are never rewritten.
    /// </summary>
    Auto = 0,

    /// <summary>Declared JSON (by content type or by the event source): invalid JSON is a finding.</summary>
    Json,

    /// <summary>Plain UTF-8 text: bytes that are not valid UTF-8 are a finding.</summary>
    Text,

    /// <summary>Opaque bytes: only size limits apply.</summary>
    Binary,

    /// <summary>
    /// A <c>multipart/form-data</c> body, whose boundary is in <see cref="HttpRequestParts.ContentType"/>: each part's
    /// content is inspected as <see cref="Auto"/> under <c>&lt;path&gt;.&lt;name&gt;</c> (<c>&lt;path&gt;[&lt;index&gt;]</c>
    /// when the name is not a plain name), its file name and content type under
    /// <c>&lt;path&gt;.&lt;name&gt;.filename</c> and <c>.contentType</c>; the framing (boundary and part header lines) is not. Never rewritten.
    /// Without a boundary, the body is read as <see cref="Auto"/>.
    /// </summary>
    MultipartFormData,

    /// <summary>
    /// An <c>application/x-www-form-urlencoded</c> body: each field's decoded value is inspected as <see cref="Auto"/>
    /// under <c>&lt;path&gt;.&lt;name&gt;</c>, or <c>&lt;path&gt;[&lt;index&gt;]</c> when the name is not a plain name (a JSON value, such as a Slack <c>payload</c>, keeps its own paths). Never
    /// rewritten.
    /// </summary>
    FormUrlEncoded,
}
