namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// A request body of a given length that is made up while it is sent (zero bytes), so a test can post
/// hundreds of megabytes without holding them; <see cref="Sent"/> tells how much the server let through.
/// </summary>
public sealed class PaddingStream(long length) : Stream
{
    private long _position;

    public long Sent => Interlocked.Read(ref _position);

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        if (n <= 0)
        {
            return 0;
        }

        Array.Clear(buffer, offset, n);
        Interlocked.Add(ref _position, n);
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
