using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;

namespace Vouch.Features.Content;

/// <summary>
/// Where content files are kept: somewhere every instance of the app and every backup sees, so the database
/// (<see cref="DatabaseContentFileStore"/>, the default) or a shared folder (<see cref="FolderContentFileStore"/>).
/// Files are written once under a new id and never changed; replacing a file writes a new one and deletes the old.
/// </summary>
public interface IContentFileStore
{
    /// <summary>Copies <paramref name="content"/> into the store as file <paramref name="fileId"/>, a slice at a time.</summary>
    Task SaveAsync(Guid fileId, Stream content, CancellationToken ct);

    /// <summary>The file's bytes as a seekable stream (so downloads can answer range requests), or null when it is missing.</summary>
    Task<Stream?> OpenReadAsync(Guid fileId, long length, CancellationToken ct);

    Task DeleteAsync(Guid fileId, CancellationToken ct);
}

/// <summary>Keeps files in the database, cut in <see cref="ContentFileChunk"/> slices of 1 MiB.</summary>
public sealed class DatabaseContentFileStore(VouchDbContext db) : IContentFileStore
{
    public async Task SaveAsync(Guid fileId, Stream content, CancellationToken ct)
    {
        var buffer = new byte[ContentFileChunk.Size];
        for (var index = 0; ; index++)
        {
            var filled = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            if (filled == 0 && index > 0)
            {
                return;
            }
            var chunk = new ContentFileChunk { FileId = fileId, Index = index, Data = buffer[..filled] };
            db.ContentFileChunks.Add(chunk);
            await db.SaveChangesAsync(ct);
            // Let the slice go: the context would otherwise hold every slice of the file until it is disposed.
            db.Entry(chunk).State = EntityState.Detached;
            if (filled < buffer.Length)
            {
                return;
            }
        }
    }

    public async Task<Stream?> OpenReadAsync(Guid fileId, long length, CancellationToken ct) =>
        await db.ContentFileChunks.AnyAsync(c => c.FileId == fileId, ct) ? new ChunkedFileStream(db, fileId, length) : null;

    public async Task DeleteAsync(Guid fileId, CancellationToken ct) =>
        await db.ContentFileChunks.Where(c => c.FileId == fileId).ExecuteDeleteAsync(ct);

    /// <summary>Reads a file slice by slice as the reader moves through it, holding one slice at a time.</summary>
    private sealed class ChunkedFileStream(VouchDbContext db, Guid fileId, long length) : Stream
    {
        private int _chunkIndex = -1;
        private byte[] _chunk = [];

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= length || buffer.IsEmpty)
            {
                return 0;
            }
            var index = (int)(Position / ContentFileChunk.Size);
            if (index != _chunkIndex)
            {
                _chunk = await db.ContentFileChunks.AsNoTracking()
                    .Where(c => c.FileId == fileId && c.Index == index).Select(c => c.Data)
                    .SingleAsync(cancellationToken);
                _chunkIndex = index;
            }
            var start = (int)(Position - (long)index * ContentFileChunk.Size);
            var count = Math.Min(buffer.Length, _chunk.Length - start);
            _chunk.AsMemory(start, count).CopyTo(buffer);
            Position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Keeps files in a folder that every instance shares (and that is backed up with the database).</summary>
public sealed class FolderContentFileStore(IOptions<ContentOptions> options) : IContentFileStore
{
    private string Folder => options.Value.Folder
        ?? throw new InvalidOperationException("Content:Folder must name a folder when Content:FileStore is Folder.");

    public async Task SaveAsync(Guid fileId, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(fileId);
        // Written under a temporary name and moved in place, so a half-written file is never read.
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, ct);
            }
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> OpenReadAsync(Guid fileId, long length, CancellationToken ct)
    {
        var path = PathOf(fileId);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null);
    }

    public Task DeleteAsync(Guid fileId, CancellationToken ct)
    {
        File.Delete(PathOf(fileId));
        return Task.CompletedTask;
    }

    private string PathOf(Guid fileId) => Path.Combine(Folder, fileId.ToString("N"));
}
