namespace SocialCard.Web.Infrastructure;

/// <summary>Reading an uploaded file that the form reader has buffered (to a temporary file beyond 64 KB).</summary>
public static class FormFiles
{
    /// <summary>The file's bytes in one array of its exact length (no growing buffer and copy).</summary>
    public static async Task<byte[]> ReadAllBytesAsync(IFormFile file, CancellationToken ct)
    {
        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

    /// <summary>
    /// The file in place (its temporary file, not a copy in memory), with the seeking every reader expects:
    /// the form's own stream throws <see cref="ArgumentOutOfRangeException"/> for a position before its start or
    /// past its end, which a zip reader meets on a damaged archive, where files and memory streams throw
    /// <see cref="IOException"/> (before the start) or read nothing (past the end).
    /// </summary>
    public static Stream OpenSeekable(IFormFile file) => new StandardSeeking(file.OpenReadStream());

    private sealed class StandardSeeking(Stream inner) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => _position;
            set => Seek(value, SeekOrigin.Begin);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= inner.Length)
            {
                return 0;
            }

            inner.Position = _position;
            var read = inner.Read(buffer, offset, count);
            _position += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            var target = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => inner.Length + offset,
            };
            return target < 0 ? throw new IOException("An attempt was made to move the position before the beginning of the stream.") : _position = target;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
