using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Content;

/// <summary>
/// One slice of a content file kept in the database. Files are cut in slices so that neither an upload nor a download
/// ever holds more than one slice in memory, on either database. The bytes are not audited (an audit entry of a
/// megabyte of bytes says nothing); the asset's file name, type and length are.
/// </summary>
public sealed class ContentFileChunk : INotAudited
{
    /// <summary>1 MiB: large enough that a 100 MB file is 100 rows, small enough to hold one at a time.</summary>
    public const int Size = 1024 * 1024;

    public Guid FileId { get; set; }
    public int Index { get; set; }
    public required byte[] Data { get; set; }
}

internal sealed class ContentFileChunkConfiguration : IEntityTypeConfiguration<ContentFileChunk>
{
    public void Configure(EntityTypeBuilder<ContentFileChunk> builder)
    {
        builder.HasKey(c => new { c.FileId, c.Index });
        // No foreign key: the store is one of two, and the asset removes its file through the store.
    }
}
