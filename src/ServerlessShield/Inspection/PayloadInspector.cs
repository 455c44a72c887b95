using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ServerlessShield;

// Walks one input in a single forward pass: JSON with Utf8JsonReader (no DOM), enforcing every structural
// limit as it goes and handing string keys and values to the detectors with their JSON path. Text inputs are
// inspected as one value. Findings are collected first and reported at the end, so an input that turns out
// not to be JSON (Auto format) can be re-read as text without leaving half a report behind.
internal sealed class PayloadInspector
{
    private const int MaxFindingsPerInput = 64;

    // Key sets of closed large objects kept for reuse: a few, so nesting cannot make the cached inspector hoard them.
    private const int MaxSpareKeySets = 4;

    // Buffers above this size are rented from the shared pool (EnsureChars).
    private const int PooledBufferSize = 64 * 1024;

    // One inspector per thread: an input is inspected synchronously, so rent and return happen on the same thread,
    // and a thread-static slot costs nothing where a shared bag contends between invocations.
    [ThreadStatic]
    private static PayloadInspector? t_cached;

    private readonly List<Frame> _frames = [];
    private readonly List<ulong> _keyHashes = [];
    private readonly Dictionary<int, HashSet<ulong>> _largeObjects = [];
    private readonly Stack<HashSet<ulong>> _spareKeySets = new();
    private readonly List<Pending> _pending = [];
    private readonly Dictionary<int, bool> _sanitize = [];
    private readonly List<ShieldRule> _hits = [];

    private char[] _chars = [];
    private byte[] _bytes = [];

    private PayloadInspector()
    {
    }

    private const int WholeText = int.MaxValue;
    private int _stringOrdinal;
    private int _currentToken = -1;
    private bool _currentAllowHtml;
    private FieldRules? _currentField;

    // Set while inspecting a decoded copy or a part of the input (inflated gzip, UTF-16 text re-encoded, upload parts,
    // form fields): findings there cannot be sanitized back into the input.
    private bool _readOnly;

    public static void Inspect(ShieldContext context, int index, InjectionScanner scanner, IHtmlFieldSanitizer? html)
    {
        var input = context.Inputs[index];
        var limits = context.Policy.Limits;
        if (input.Data.Length > limits.MaxPayloadBytes)
        {
            // Too large to read further: every other check would cost what the limit is there to prevent.
            context.Report(ShieldRules.PayloadTooLarge, input.Path, input.ItemId);
            return;
        }

        if (input.Format == InputFormat.Binary)
        {
            return;
        }

        var inspector = Rent();
        try
        {
            if (inspector.InspectInput(context, input, scanner) && !context.Outcome.IsRejected
                && (input.ItemId is null || !context.RejectedItemIds.Contains(input.ItemId)))
            {
                context.Inputs[index] = inspector.Rewrite(input, html);
            }
        }
        finally
        {
            Return(inspector);
        }
    }

    // Returns whether any finding was sanitized, so the input must be rewritten.
    private bool InspectInput(ShieldContext context, ShieldInput input, InjectionScanner scanner)
    {
        var data = SkipBom(input.Data.Span);
        if (GzipContent.HasHeader(data) && (input.Format == InputFormat.Auto || (input.Format == InputFormat.Json && IsGzipEncodedBody(context))))
        {
            InspectGzip(context, input, scanner);
        }
        else if (input.Format == InputFormat.MultipartFormData)
        {
            InspectMultipart(context, input, scanner);
        }
        else if (input.Format == InputFormat.FormUrlEncoded)
        {
            InspectForm(context, input, scanner);
        }
        else
        {
            InspectContent(context, data, input.Path, input.Format, scanner);
        }

        return Flush(context, input);
    }

    private void InspectContent(ShieldContext context, ReadOnlySpan<byte> data, string path, InputFormat format, InjectionScanner scanner)
    {
        if (format == InputFormat.Auto && UnicodeByteOrderMark.TryDetect(data, out var encoding, out var mark))
        {
            InspectWideText(context, data[mark..], encoding, path, scanner);
            return;
        }

        var asJson = format switch
        {
            InputFormat.Json => !data.IsEmpty,
            InputFormat.Auto => LooksLikeJson(data),
            _ => false,
        };

        if (asJson)
        {
            var completed = WalkJson(context, data, path, envelopeDepth: 0, scanner);
            if (completed || format == InputFormat.Json)
            {
                if (!completed)
                {
                    _pending.Add(new(ShieldRules.InvalidJson, path, null));
                }

                return;
            }

            _pending.Clear();
            _stringOrdinal = 0;
        }

        InspectText(context, data, path, scanner, mayBeBinary: format == InputFormat.Auto);
    }

    // Each part of a form upload is inspected as what the handler reads: its content (text, JSON or a file, which may be
    // binary), its file name and its content type. The framing between parts is the encoding, not user text.
    private void InspectMultipart(ShieldContext context, ShieldInput input, InjectionScanner scanner)
    {
        var body = input.Data.Span;
        var parts = MultipartFormData.Boundary(context.Http?.ContentType) is { } boundary ? MultipartFormData.Read(body, boundary) : null;
        if (parts is null)
        {
            InspectContent(context, body, input.Path, InputFormat.Auto, scanner);
            return;
        }

        if (TooManyFields(input, parts.Count, context))
        {
            return;
        }

        _readOnly = true;
        try
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                var path = InspectFieldName(context, input.Path, part.Name ?? "", i, scanner);
                if (part.FileName is { } fileName)
                {
                    InspectFieldText(context, fileName, path + ".filename", scanner);
                }

                if (part.ContentType is { } contentType)
                {
                    InspectFieldText(context, contentType, path + ".contentType", scanner);
                }

                InspectContent(context, body.Slice(part.ContentStart, part.ContentLength), path, InputFormat.Auto, scanner);
            }
        }
        finally
        {
            _readOnly = false;
        }
    }

    // Each field of a form post is inspected under its own name, decoded as the handler's framework decodes it. Text
    // that is not UTF-8 is no form: it is read as the bytes it is.
    private void InspectForm(ShieldContext context, ShieldInput input, InjectionScanner scanner)
    {
        var body = SkipBom(input.Data.Span);
        var fields = Utf8.IsValid(body) ? FormUrlEncoded.Read(Encoding.UTF8.GetString(body)) : null;
        if (fields is null)
        {
            InspectContent(context, body, input.Path, InputFormat.Auto, scanner);
            return;
        }

        if (TooManyFields(input, fields.Count, context))
        {
            return;
        }

        _readOnly = true;
        try
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var path = InspectFieldName(context, input.Path, fields[i].Key, i, scanner);
                InspectContent(context, Encoding.UTF8.GetBytes(fields[i].Value), path, InputFormat.Auto, scanner);
            }
        }
        finally
        {
            _readOnly = false;
        }
    }

    // A form's fields are its keys: the same limit bounds them.
    private bool TooManyFields(ShieldInput input, int count, ShieldContext context)
    {
        if (count <= context.Policy.Limits.MaxKeysPerObject)
        {
            return false;
        }

        _pending.Add(new(ShieldRules.TooManyKeys, input.Path, null));
        return true;
    }

    // A field name is judged as a JSON key is: a plain name is a name ("metadata"), anything else is inspected. Returns
    // the field's path.
    private string InspectFieldName(ShieldContext context, string root, string name, int index, InjectionScanner scanner)
    {
        var path = FieldPath(root, name, index);
        if (name.Length > 0 && !InspectionGate.IsPlainName(name))
        {
            InspectFieldText(context, name, path, scanner);
        }

        return path;
    }

    // A form field's path: body.<name> for a name that is a name. Anything else the client wrote there (a JSON document
    // posted as a form, markup) is data, and data stays out of paths, so of log lines: the field is named by position.
    private static string FieldPath(string root, string name, int index) =>
        name.Length is > 0 and <= FieldPathSegment.MaxLength && InspectionGate.IsPlainName(name)
            ? root + "." + name
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{root}[{index}]");

    // A form field's name, or an upload part's file name or content type, judged like a value: "../../etc/passwd" or markup as a file name is an attack.
    private void InspectFieldText(ShieldContext context, string text, string path, InjectionScanner scanner)
    {
        _currentToken = -1;
        (_currentAllowHtml, _currentField) = (false, null);
        if (InspectionGate.NeedsInspection(text) && Scan(text, scanner))
        {
            AddHits(path, context.HashValue(text));
        }
    }

    // A JSON body a client compressed (Content-Encoding: gzip, as analytics and mobile SDKs send large batches): the
    // platform hands it over compressed and the function inflates it.
    private static bool IsGzipEncodedBody(ShieldContext context) =>
        context.Http?.GetHeader("Content-Encoding") is { } encoding && encoding.Trim().Equals("gzip", StringComparison.OrdinalIgnoreCase);

    // A gzip record is inspected as what the handler will inflate it to, bounded by the payload limit. It cannot be
    // rewritten in place, so nothing found in it is sanitized; bytes that only look like gzip are read as they are.
    private void InspectGzip(ShieldContext context, ShieldInput input, InjectionScanner scanner)
    {
        var limit = context.Policy.Limits.MaxPayloadBytes;
        var inflated = GzipContent.Inflate(input.Data, limit);
        if (inflated is null)
        {
            InspectContent(context, input.Data.Span, input.Path, input.Format, scanner);
            return;
        }

        if (inflated.Length > limit)
        {
            _pending.Add(new(ShieldRules.DecodedTooLarge, input.Path, null));
            return;
        }

        _readOnly = true;
        try
        {
            InspectContent(context, SkipBom(inflated), input.Path, input.Format, scanner);
        }
        finally
        {
            _readOnly = false;
        }
    }

    // UTF-16 or UTF-32 text (a byte order mark says which) is inspected as the text the handler decodes: re-encoded as
    // UTF-8 and read like any other content, JSON included. Like gzip, it cannot be rewritten in place.
    private void InspectWideText(ShieldContext context, ReadOnlySpan<byte> data, Encoding encoding, string path, InjectionScanner scanner)
    {
        // Invalid code units decode to U+FFFD, as the handler's reader decodes them.
        var text = encoding.GetString(data);
        var readOnly = _readOnly;
        _readOnly = true;
        try
        {
            InspectContent(context, SkipBom(Encoding.UTF8.GetBytes(text)), path, InputFormat.Auto, scanner);
        }
        finally
        {
            _readOnly = readOnly;
        }
    }

    // Returns false when the bytes are not valid JSON; limit findings are still pending then.
    private bool WalkJson(ShieldContext context, ReadOnlySpan<byte> json, string rootPath, int envelopeDepth, InjectionScanner scanner)
    {
        var limits = context.Policy.Limits;
        var frameBase = _frames.Count;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (_pending.Count >= MaxFindingsPerInput)
                {
                    return true;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (!CountItem(limits, rootPath, frameBase, json))
                        {
                            return true;
                        }

                        if (_frames.Count - frameBase + 1 > limits.MaxDepth)
                        {
                            _pending.Add(new(ShieldRules.JsonTooDeep, RenderPath(rootPath, frameBase, json), null));
                            return true;
                        }

                        _frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, _keyHashes.Count));
                        break;

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        var closed = _frames[^1];
                        _keyHashes.RemoveRange(closed.KeyStart, _keyHashes.Count - closed.KeyStart);
                        ReleaseKeySet(_frames.Count - 1);
                        _frames.RemoveAt(_frames.Count - 1);
                        break;

                    case JsonTokenType.PropertyName:
                        if (!OnPropertyName(context, ref reader, limits, rootPath, frameBase, json, scanner))
                        {
                            return true;
                        }

                        break;

                    case JsonTokenType.String:
                        if (!CountItem(limits, rootPath, frameBase, json))
                        {
                            return true;
                        }

                        OnString(context, ref reader, rootPath, frameBase, json, envelopeDepth, scanner);
                        break;

                    case JsonTokenType.Number:
                        if (!CountItem(limits, rootPath, frameBase, json))
                        {
                            return true;
                        }

                        if (reader.ValueSpan.Length > limits.MaxNumberLength)
                        {
                            _pending.Add(new(ShieldRules.NumberTooLong, RenderPath(rootPath, frameBase, json), null));
                        }

                        break;

                    default:
                        if (!CountItem(limits, rootPath, frameBase, json))
                        {
                            return true;
                        }

                        break;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            // Leave the frames of an enclosing walk (JSON inside a string) as they were.
            var keyStart = _frames.Count > frameBase ? _frames[frameBase].KeyStart : _keyHashes.Count;
            _keyHashes.RemoveRange(keyStart, _keyHashes.Count - keyStart);
            for (var i = frameBase; i < _frames.Count; i++)
            {
                ReleaseKeySet(i);
            }

            _frames.RemoveRange(frameBase, _frames.Count - frameBase);
        }
    }

    // Counts an array item; returns false (stop) when the array is over its limit.
    private bool CountItem(PayloadLimits limits, string rootPath, int frameBase, ReadOnlySpan<byte> json)
    {
        if (_frames.Count <= frameBase || !_frames[^1].IsArray)
        {
            return true;
        }

        var frame = _frames[^1];
        frame.Count++;
        _frames[^1] = frame;
        if (frame.Count > limits.MaxArrayLength)
        {
            _pending.Add(new(ShieldRules.ArrayTooLong, RenderPath(rootPath, frameBase, json, dropLast: true), null));
            return false;
        }

        return true;
    }

    private bool OnPropertyName(ShieldContext context, ref Utf8JsonReader reader, PayloadLimits limits, string rootPath, int frameBase, ReadOnlySpan<byte> json, InjectionScanner scanner)
    {
        var frame = _frames[^1];
        frame.Count++;
        frame.NameStart = (int)reader.TokenStartIndex + 1;
        frame.NameLength = reader.ValueSpan.Length;
        _frames[^1] = frame;
        if (frame.Count > limits.MaxKeysPerObject)
        {
            _pending.Add(new(ShieldRules.TooManyKeys, RenderPath(rootPath, frameBase, json, dropLast: true), null));
            return false;
        }

        var raw = reader.ValueSpan;
        if (!Utf8.IsValid(raw))
        {
            _pending.Add(new(ShieldRules.InvalidUtf8, RenderPath(rootPath, frameBase, json), null));
            return true;
        }

        ReadOnlySpan<byte> name = raw;
        if (reader.ValueIsEscaped)
        {
            EnsureBytes(raw.Length);
            try
            {
                name = _bytes.AsSpan(0, reader.CopyString(_bytes));
            }
            catch (InvalidOperationException)
            {
                _pending.Add(new(ShieldRules.LoneSurrogate, RenderPath(rootPath, frameBase, json), null));
                return true;
            }
        }

        if (IsDuplicate(_frames.Count - 1, frame.KeyStart, Hash(name)))
        {
            _pending.Add(new(ShieldRules.DuplicateKey, RenderPath(rootPath, frameBase, json), null));
        }

        // Keys are user data too: {"$where": ...} is an operator smuggled in as a key.
        if (!InspectionGate.IsPlainName(name))
        {
            ScanUtf8(context, name, rootPath, frameBase, json, scanner);
        }

        return true;
    }

    // Small objects search a flat list; from 16 keys on, a set keeps the cost linear in the number of keys.
    private bool IsDuplicate(int frameIndex, int keyStart, ulong hash)
    {
        if (_largeObjects.Count > 0 && _largeObjects.TryGetValue(frameIndex, out var set))
        {
            return !set.Add(hash);
        }

        for (var i = keyStart; i < _keyHashes.Count; i++)
        {
            if (_keyHashes[i] == hash)
            {
                return true;
            }
        }

        _keyHashes.Add(hash);
        if (_keyHashes.Count - keyStart >= 16)
        {
            var keys = _spareKeySets.Count > 0 ? _spareKeySets.Pop() : [];
            for (var i = keyStart; i < _keyHashes.Count; i++)
            {
                keys.Add(_keyHashes[i]);
            }

            _largeObjects[frameIndex] = keys;
        }

        return false;
    }

    // A closed object's key set is kept for the next large object: an array of large objects (a batch, a page of
    // records) reuses one set instead of building each anew.
    private void ReleaseKeySet(int frameIndex)
    {
        if (_largeObjects.Remove(frameIndex, out var keys) && _spareKeySets.Count < MaxSpareKeySets)
        {
            keys.Clear();
            _spareKeySets.Push(keys);
        }
    }

    private void OnString(ShieldContext context, ref Utf8JsonReader reader, string rootPath, int frameBase, ReadOnlySpan<byte> json, int envelopeDepth, InjectionScanner scanner)
    {
        // Only strings of the input itself can be rewritten in place; those inside a JSON-in-string envelope block.
        _currentToken = envelopeDepth == 0 && !_readOnly ? _stringOrdinal++ : -1;
        _currentAllowHtml = false;
        _currentField = null;
        var limits = context.Policy.Limits;
        var raw = reader.ValueSpan;

        // Field settings are looked up only when the policy has some: the path is rendered for every string then.
        var path = context.Policy.HasFieldSettings ? RenderPath(rootPath, frameBase, json) : null;
        var field = path is null ? null : context.Policy.FindField(path);
        if (!reader.ValueIsEscaped && InspectionGate.IsPlainAscii(raw))
        {
            if (raw.Length > limits.MaxStringLength)
            {
                _pending.Add(new(ShieldRules.StringTooLong, path ?? RenderPath(rootPath, frameBase, json), null));
            }
            else if (field is { HasConstraints: true })
            {
                // Plain ASCII: one byte is one character.
                EnsureChars(raw.Length);
                CheckConstraints(context, field, _chars.AsSpan(0, Encoding.ASCII.GetChars(raw, _chars)), path!);
            }

            return;
        }

        if (!Utf8.IsValid(raw))
        {
            _pending.Add(new(ShieldRules.InvalidUtf8, RenderPath(rootPath, frameBase, json), null));
            return;
        }

        EnsureChars(raw.Length);
        int length;
        try
        {
            length = reader.CopyString(_chars);
        }
        catch (InvalidOperationException)
        {
            _pending.Add(new(ShieldRules.LoneSurrogate, RenderPath(rootPath, frameBase, json), null));
            return;
        }

        var text = _chars.AsSpan(0, length);
        if (length > limits.MaxStringLength)
        {
            _pending.Add(new(ShieldRules.StringTooLong, path ?? RenderPath(rootPath, frameBase, json), null));
            return;
        }

        InspectValue(context, text, rootPath, frameBase, json, envelopeDepth, scanner, field, path);
    }

    private void InspectValue(ShieldContext context, ReadOnlySpan<char> text, string rootPath, int frameBase, ReadOnlySpan<byte> json, int envelopeDepth, InjectionScanner scanner, FieldRules? field, string? path)
    {
        if (text.Contains('\0'))
        {
            _pending.Add(new(ShieldRules.NulCharacter, path ?? RenderPath(rootPath, frameBase, json), context.HashValue(text), _currentToken));
        }

        if (field is not null)
        {
            if (field.HasConstraints)
            {
                CheckConstraints(context, field, text, path!);
            }

            if (field.Skip)
            {
                return;
            }

            _currentAllowHtml = field.AllowHtml;
            _currentField = field;
        }

        if (!InspectionGate.NeedsInspection(text))
        {
            return;
        }

        if (envelopeDepth < context.Policy.Limits.MaxEnvelopeDepth && OpensJson(text))
        {
            InspectEnvelope(context, text, rootPath, frameBase, json, envelopeDepth, scanner);
            return;
        }

        if (Scan(text, scanner))
        {
            AddHits(RenderPath(rootPath, frameBase, json), context.HashValue(text));
        }
    }

    // JSON carried inside a string (an SQS body, an SNS Message): inspect its fields, not the blob. If it is not
    // JSON after all, the findings of the attempt are dropped and the string is inspected as text.
    private void InspectEnvelope(ShieldContext context, ReadOnlySpan<char> text, string rootPath, int frameBase, ReadOnlySpan<byte> json, int envelopeDepth, InjectionScanner scanner)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var nested = buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer));
            var path = RenderPath(rootPath, frameBase, json);
            var before = _pending.Count;
            var (token, allowHtml, field) = (_currentToken, _currentAllowHtml, _currentField);
            if (WalkJson(context, nested, path, envelopeDepth + 1, scanner))
            {
                return;
            }

            _pending.RemoveRange(before, _pending.Count - before);
            (_currentToken, _currentAllowHtml, _currentField) = (token, allowHtml, field);

            // The nested walk reused the character buffer that held the text; read it back from the bytes.
            var value = Encoding.UTF8.GetString(nested);
            if (Scan(value, scanner))
            {
                AddHits(path, context.HashValue(value));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void InspectText(ShieldContext context, ReadOnlySpan<byte> data, string path, InjectionScanner scanner, bool mayBeBinary)
    {
        _currentToken = _readOnly ? -1 : WholeText;
        _currentAllowHtml = false;
        _currentField = null;
        var field = context.Policy.HasFieldSettings ? context.Policy.FindField(path) : null;
        if (!Utf8.IsValid(data))
        {
            if (mayBeBinary)
            {
                InspectNonUtf8(context, data, path, scanner, field);
            }
            else
            {
                _pending.Add(new(ShieldRules.InvalidUtf8, path, null));
            }

            return;
        }

        if (InspectionGate.IsPlainAscii(data))
        {
            if (data.Length > context.Policy.Limits.MaxStringLength)
            {
                _pending.Add(new(ShieldRules.StringTooLong, path, null));
            }
            else if (field is { HasConstraints: true })
            {
                CheckConstraints(context, field, Encoding.ASCII.GetString(data), path);
            }

            return;
        }

        // Decoded into the reusable buffer: a text input costs no string of its own.
        EnsureChars(data.Length);
        ReadOnlySpan<char> text = _chars.AsSpan(0, Encoding.UTF8.GetChars(data, _chars));
        if (mayBeBinary && NonUtf8Text.IsMostlyBinary(text))
        {
            // Valid UTF-8 can still be binary: a small protobuf record, a Kafka header holding a number.
            _currentToken = -1;
            InspectTextRuns(context, text, path, scanner, field);
            return;
        }

        InspectDecodedText(context, text, path, scanner, field);
    }

    // A whole text input once decoded: its limits, its field settings, then the detectors.
    private void InspectDecodedText(ShieldContext context, ReadOnlySpan<char> text, string path, InjectionScanner scanner, FieldRules? field)
    {
        if (text.Length > context.Policy.Limits.MaxStringLength)
        {
            _pending.Add(new(ShieldRules.StringTooLong, path, null));
            return;
        }

        if (text.Contains('\0'))
        {
            _pending.Add(new(ShieldRules.NulCharacter, path, context.HashValue(text), _currentToken));
        }

        if (field is not null)
        {
            if (field.HasConstraints)
            {
                CheckConstraints(context, field, text, path);
            }

            if (field.Skip)
            {
                return;
            }

            (_currentAllowHtml, _currentField) = (field.AllowHtml, field);
        }

        if (InspectionGate.NeedsInspection(text) && Scan(text, scanner))
        {
            AddHits(path, context.HashValue(text));
        }
    }

    // Bytes nothing declared to be text and that are not UTF-8 are not malformed text: they are a blob, an upload, a
    // protobuf or Avro record, or text in a legacy encoding. What a handler could read out of them as text is
    // inspected: the whole decoding when it is mostly text, else each long run of text. They are never rewritten.
    private void InspectNonUtf8(ShieldContext context, ReadOnlySpan<byte> data, string path, InjectionScanner scanner, FieldRules? field)
    {
        _currentToken = -1;
        EnsureChars(data.Length);
        ReadOnlySpan<char> text = _chars.AsSpan(0, NonUtf8Text.Decode(data, _chars));
        if (NonUtf8Text.IsMostlyText(text))
        {
            InspectDecodedText(context, text, path, scanner, field);
            return;
        }

        InspectTextRuns(context, text, path, scanner, field);
    }

    // Binary content: each run of text long enough not to occur by chance is inspected (see NonUtf8Text).
    private void InspectTextRuns(ShieldContext context, ReadOnlySpan<char> text, string path, InjectionScanner scanner, FieldRules? field)
    {
        if (field is not null)
        {
            if (field.Skip)
            {
                return;
            }

            (_currentAllowHtml, _currentField) = (field.AllowHtml, field);
        }

        while (!text.IsEmpty)
        {
            var end = NonUtf8Text.IndexOfRunEnd(text);
            var run = end < 0 ? text : text[..end];
            if (run.Length >= NonUtf8Text.MinRunLength && InspectionGate.NeedsInspection(run) && Scan(run, scanner))
            {
                AddHits(path, context.HashValue(run));
            }

            text = end < 0 ? [] : text[(end + 1)..];
        }
    }

    // A key is judged as a name (operators smuggled in as keys) and as a value (an attack string used as a key).
    private void ScanUtf8(ShieldContext context, ReadOnlySpan<byte> utf8, string rootPath, int frameBase, ReadOnlySpan<byte> json, InjectionScanner scanner)
    {
        // The character buffer is free while a name is read: values are copied into it only after their own name.
        EnsureChars(utf8.Length);
        ReadOnlySpan<char> text = _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
        if (!InspectionGate.NeedsInspection(text))
        {
            return;
        }

        _hits.Clear();
        scanner.ScanPropertyName(text, _hits);
        scanner.Scan(text, _hits);
        if (_hits.Count > 0)
        {
            var (token, allowHtml, field) = (_currentToken, _currentAllowHtml, _currentField);
            (_currentToken, _currentAllowHtml, _currentField) = (-1, false, null);
            AddHits(RenderPath(rootPath, frameBase, json), context.HashValue(text));
            (_currentToken, _currentAllowHtml, _currentField) = (token, allowHtml, field);
        }
    }

    private bool Scan(ReadOnlySpan<char> value, InjectionScanner scanner)
    {
        _hits.Clear();
        scanner.Scan(value, _hits);
        return _hits.Count > 0;
    }

    private void AddHits(string path, string? hash)
    {
        foreach (var rule in _hits)
        {
            _pending.Add(new(rule, path, hash, _currentToken, _currentAllowHtml, _currentField));
        }
    }

    // A field's own constraints (length, allowed values, pattern): reported with a code naming the one broken.
    private void CheckConstraints(ShieldContext context, FieldRules field, ReadOnlySpan<char> value, string path)
    {
        if (field.Violation(value) is { } code)
        {
            _pending.Add(new(ShieldRules.FieldConstraint, path, context.HashValue(value), -1, false, field, code));
        }
    }

    private bool Flush(ShieldContext context, ShieldInput input)
    {
        foreach (var finding in _pending)
        {
            var sanitizable = finding.Token >= 0 && ValueSanitizer.SanitizableRules.Contains(finding.Rule);
            var mode = finding.Field is { } field && field.TryGetMode(finding.Rule, out var fieldMode) ? fieldMode : context.Policy.GetMode(finding.Rule);
            var action = mode switch
            {
                RuleMode.Monitor => FindingAction.Monitored,
                RuleMode.Sanitize when sanitizable => FindingAction.Sanitized,
                // A field declared to hold HTML is cleaned, not rejected, for markup findings.
                RuleMode.Block when sanitizable && finding.AllowHtml && finding.Rule == ShieldRules.CrossSiteScripting => FindingAction.Sanitized,
                _ => FindingAction.Blocked,
            };
            context.Record(finding.Rule, finding.Path, action, input.ItemId, finding.Hash, code: finding.Code);
            if (action == FindingAction.Sanitized)
            {
                _sanitize[finding.Token] = finding.AllowHtml || _sanitize.GetValueOrDefault(finding.Token);
            }
        }

        _pending.Clear();
        return _sanitize.Count > 0;
    }

    // Writes the input again with every sanitized string replaced; structure, other values and order stay as they were.
    private ShieldInput Rewrite(ShieldInput input, IHtmlFieldSanitizer? html)
    {
        var data = SkipBom(input.Data.Span);
        string Clean(string value, bool allowHtml) => allowHtml ? ValueSanitizer.SanitizeHtml(value, html) : ValueSanitizer.SanitizeText(value);

        if (_sanitize.TryGetValue(WholeText, out var wholeHtml))
        {
            return input with { Data = Encoding.UTF8.GetBytes(Clean(Encoding.UTF8.GetString(data), wholeHtml)), IsSanitized = true };
        }

        var output = new ArrayBufferWriter<byte>(data.Length + 64);
        using (var writer = new Utf8JsonWriter(output))
        {
            var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = 4096 });
            var ordinal = 0;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
                    case JsonTokenType.String:
                        var value = reader.GetString()!;
                        writer.WriteStringValue(_sanitize.TryGetValue(ordinal++, out var allowHtml) ? Clean(value, allowHtml) : value);
                        break;
                    case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                    case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case JsonTokenType.Null: writer.WriteNullValue(); break;
                }
            }
        }

        return input with { Data = output.WrittenMemory.ToArray(), IsSanitized = true };
    }

    // Renders the JSON path of the current position only when there is something to report.
    private string RenderPath(string rootPath, int frameBase, ReadOnlySpan<byte> json, bool dropLast = false)
    {
        var builder = new StringBuilder(rootPath);
        var end = dropLast ? _frames.Count - 1 : _frames.Count;
        for (var i = frameBase; i < end; i++)
        {
            var frame = _frames[i];
            if (frame.IsArray)
            {
                builder.Append('[').Append(Math.Max(frame.Count - 1, 0)).Append(']');
            }
            else if (frame.NameLength > 0 || frame.Count > 0)
            {
                builder.Append('.');
                FieldPathSegment.AppendUtf8(builder, json.Slice(frame.NameStart, frame.NameLength));
            }
        }

        return builder.ToString();
    }

    // Whether text can start a JSON object or array: '{' then a key or '}', '[' then a value or ']'. Bracketed prose
    // ("[draft]", "{{ name }}") fails here instead of in the reader, whose failure costs an exception.
    private static bool OpensJson(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim(" \t\r\n");
        if (trimmed.Length < 2 || trimmed[0] is not ('{' or '['))
        {
            return false;
        }

        var next = trimmed[1..].TrimStart(" \t\r\n");
        if (next.IsEmpty)
        {
            return false;
        }

        return trimmed[0] == '{'
            ? next[0] is '"' or '}'
            : next[0] is '{' or '[' or '"' or ']' or '-' or (>= '0' and <= '9') or 't' or 'f' or 'n';
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> data)
    {
        var trimmed = data.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] is (byte)'{' or (byte)'[';
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> data) =>
        data.StartsWith("\uFEFF"u8) ? data[3..] : data;

    // FNV-1a, 64 bits: duplicate-key detection only needs equality of short keys.
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    // A buffer larger than PooledBufferSize comes from the shared pool and goes back to it when the inspection ends:
    // a large payload neither allocates its buffer anew each time nor keeps it alive with the cached inspector.
    private void EnsureChars(int length)
    {
        if (_chars.Length < length)
        {
            ReturnPooled(ref _chars);
            _chars = length > PooledBufferSize ? ArrayPool<char>.Shared.Rent(length) : new char[Math.Max(length, 256)];
        }
    }

    private void EnsureBytes(int length)
    {
        if (_bytes.Length < length)
        {
            ReturnPooled(ref _bytes);
            _bytes = length > PooledBufferSize ? ArrayPool<byte>.Shared.Rent(length) : new byte[Math.Max(length, 256)];
        }
    }

    private static void ReturnPooled<T>(ref T[] buffer)
    {
        if (buffer.Length > PooledBufferSize)
        {
            ArrayPool<T>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private static PayloadInspector Rent()
    {
        var inspector = t_cached ?? new PayloadInspector();
        t_cached = null;
        return inspector;
    }

    private static void Return(PayloadInspector inspector)
    {
        inspector._frames.Clear();
        inspector._keyHashes.Clear();
        inspector._largeObjects.Clear();
        inspector._pending.Clear();
        inspector._hits.Clear();
        inspector._sanitize.Clear();
        inspector._stringOrdinal = 0;
        inspector._currentToken = -1;
        inspector._currentAllowHtml = false;
        inspector._currentField = null;

        ReturnPooled(ref inspector._chars);
        ReturnPooled(ref inspector._bytes);
        t_cached = inspector;
    }

    private readonly record struct Pending(ShieldRule Rule, string Path, string? Hash, int Token = -1, bool AllowHtml = false, FieldRules? Field = null, string? Code = null);

    private struct Frame(bool isArray, int keyStart)
    {
        public readonly bool IsArray = isArray;
        public readonly int KeyStart = keyStart;
        public int Count;
        public int NameStart;
        public int NameLength;
    }
}
