using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;

namespace Vouch.Features.Defences;

/// <summary>How much harm the attack or misrepresentation could do.</summary>
public enum Severity { Low, Medium, High }

/// <summary>A public attack on the company or a misrepresentation of it (a forum thread, a review, a post), and who answered it.</summary>
public sealed class Defence : IVersioned
{
    public const int WhereMaxLength = 200;
    public const int TopicMaxLength = 200;
    public const int SummaryMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The site or channel where it appeared ("Reddit r/sysadmin", "a LinkedIn post").</summary>
    public required string Where { get; set; }
    public string? Url { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Topic { get; set; }
    public Severity Severity { get; set; }
    public string? Summary { get; set; }

    /// <summary>Who logged it, as the audit names them (an email).</summary>
    public required string LoggedBy { get; set; }
    public DateTimeOffset LoggedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A customer who answered a defence in public: the contact is a defender from then on.</summary>
public sealed class DefenceResponse
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DefenceId { get; set; }
    public Defence? Defence { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public DateOnly AnsweredOn { get; set; }

    /// <summary>The link to their answer, when there is one to link to.</summary>
    public string? AnswerUrl { get; set; }

    /// <summary>The completed ask of activity brand-defence in their ledger.</summary>
    public Guid? EngagementId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class DefenceConfiguration : IEntityTypeConfiguration<Defence>
{
    public void Configure(EntityTypeBuilder<Defence> builder)
    {
        builder.Property(d => d.Where).HasMaxLength(Defence.WhereMaxLength);
        builder.Property(d => d.Url).HasMaxLength(Reviews.WebLink.MaxLength);
        builder.Property(d => d.Topic).HasMaxLength(Defence.TopicMaxLength);
        builder.Property(d => d.Severity).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Summary).HasMaxLength(Defence.SummaryMaxLength);
        builder.Property(d => d.LoggedBy).HasMaxLength(256);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.OccurredOn, d.Id });
    }
}

internal sealed class DefenceResponseConfiguration : IEntityTypeConfiguration<DefenceResponse>
{
    public void Configure(EntityTypeBuilder<DefenceResponse> builder)
    {
        builder.Property(r => r.AnswerUrl).HasMaxLength(Reviews.WebLink.MaxLength);
        builder.HasOne(r => r.Defence).WithMany().HasForeignKey(r => r.DefenceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Contact).WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(r => r.EngagementId).OnDelete(DeleteBehavior.SetNull);
        // A customer answers one attack once; their page lists what they defended.
        builder.HasIndex(r => new { r.DefenceId, r.ContactId }).IsUnique();
        builder.HasIndex(r => r.ContactId);
    }
}
