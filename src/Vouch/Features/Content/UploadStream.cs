namespace Vouch.Features.Content;

/// <summary>
/// An upload as the store reads it: the bytes already read to learn the file's type, then the rest of the request,
/// counted as they pass so that a file over the limit is stopped as soon as it crosses it, not after it is stored.
/// </summary>
internal sealed class UploadStream(ReadOnlyMemory<byte> head, Stream rest, long maxLength) : Stream
{
    private int _headRead;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (_headRead < head.Length)
        {
            read = Math.Min(buffer.Length, head.Length - _headRead);
            head.Slice(_headRead, read).CopyTo(buffer);
            _headRead += read;
        }
        else
        {
            read = await rest.ReadAsync(buffer, cancellationToken);
        }
        BytesRead += read;
        if (BytesRead > maxLength)
        {
            throw new ContentFileTooLargeException(maxLength);
        }
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Thrown from inside a store's copy, the one place that can stop it, when an upload passes the limit.</summary>
internal sealed class ContentFileTooLargeException(long maxLength) : IOException($"The file is larger than {maxLength:N0} bytes.")
{
    public long MaxLength { get; } = maxLength;
}
