using System.Buffers;

namespace ServerlessShield;

// A decoder's output in an array rented from the shared pool: decoding a long value allocates neither a builder nor
// a string per decoder. Dispose returns the array.
internal ref struct DecodedChars
{
    private char[]? _array;
    private int _length;

    public readonly ReadOnlySpan<char> Span => _array.AsSpan(0, _length);

    // Empties the output and makes room for `capacity` characters, the most a decoder that only shortens can write.
    public void Reset(int capacity)
    {
        _length = 0;
        if (_array is null || _array.Length < capacity)
        {
            Dispose();
            _array = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
        }
    }

    public void Append(char c)
    {
        Ensure(1);
        _array![_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        Ensure(text.Length);
        text.CopyTo(_array.AsSpan(_length));
        _length += text.Length;
    }

    // Appends a Unicode scalar value: one character, or a surrogate pair above U+FFFF.
    public void AppendCodePoint(int codePoint)
    {
        Span<char> utf16 = stackalloc char[2];
        Append(utf16[..new System.Text.Rune(codePoint).EncodeToUtf16(utf16)]);
    }

    // Appends text with every `from` written as `to`.
    public void AppendReplacing(scoped ReadOnlySpan<char> text, char from, char to)
    {
        Ensure(text.Length);
        text.Replace(_array.AsSpan(_length, text.Length), from, to);
        _length += text.Length;
    }

    public void Dispose()
    {
        if (_array is not null)
        {
            ArrayPool<char>.Shared.Return(_array);
            _array = null;
        }
    }

    // Only a decoder that lengthens (NFKC: one ligature is several letters) or one never reset needs to grow.
    private void Ensure(int extra)
    {
        if (_array is not null && _length + extra <= _array.Length)
        {
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_length + extra, Math.Max(16, (_array?.Length ?? 0) * 2)));
        Span.CopyTo(larger);
        Dispose();
        _array = larger;
    }
}
