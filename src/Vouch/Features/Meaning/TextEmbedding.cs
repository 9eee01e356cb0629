using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Meaning;

/// <summary>
/// Which records' text is embedded: ideas, contacts' stories (<see cref="Contacts.Contact.StoryOf"/>) and content
/// (<see cref="EmbeddingWriter.TextOfContent"/>).
/// </summary>
public enum EmbeddedKind { Idea, Story, Content }

/// <summary>
/// A record's text as the sentence model embedded it: quantised to a signed byte per number (<see cref="Embeddings"/>),
/// with the model that made it, so a new model's reindex knows what to redo.
/// </summary>
public sealed class TextEmbedding : INotAudited
{
    public EmbeddedKind Kind { get; set; }
    public Guid RecordId { get; set; }
    public required string Model { get; set; }

    /// <summary><see cref="SentenceModel.Dimensions"/> signed bytes, stored as bytes.</summary>
    public required byte[] Vector { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>A note, written in the same save as new or changed text, that the record's embedding is to be worked out.</summary>
public sealed class PendingEmbedding : INotAudited
{
    public long Id { get; set; }
    public EmbeddedKind Kind { get; set; }
    public Guid RecordId { get; set; }
}

internal sealed class TextEmbeddingConfiguration : IEntityTypeConfiguration<TextEmbedding>, IEntityTypeConfiguration<PendingEmbedding>
{
    public void Configure(EntityTypeBuilder<TextEmbedding> builder)
    {
        builder.ToTable("TextEmbeddings");
        builder.HasKey(e => new { e.Kind, e.RecordId });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Model).HasMaxLength(100);
        builder.Property(e => e.Vector).HasMaxLength(SentenceModel.Dimensions);
        // What each instance's index reads when it catches up (VectorIndexSync).
        builder.HasIndex(e => new { e.Kind, e.ComputedAt });
    }

    public void Configure(EntityTypeBuilder<PendingEmbedding> builder)
    {
        builder.ToTable("PendingEmbeddings");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
