using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Users;

namespace Vouch.Features.Executives;

/// <summary>How the conversation took place.</summary>
public enum ConversationChannel { FaceToFace, Phone, Video }

/// <summary>How the customer feels about the product, in a word.</summary>
public enum Sentiment { Positive, Neutral, Negative }

/// <summary>
/// A conversation an executive held with a customer and logged: who, when, how, how they use the product, the value
/// they get, how they feel, what the executive learned and what is to follow.
/// </summary>
public sealed class ExecutiveConversation
{
    public const int TextMaxLength = 2_000;
    public const int MaxMinutes = 600;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The executive who held it, and logged it.</summary>
    public Guid ExecutiveId { get; set; }
    public User? Executive { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>The contact's account when it was held, so the account keeps it if the contact moves.</summary>
    public Guid AccountId { get; set; }
    public Account? Account { get; set; }
    public DateOnly HeldOn { get; set; }
    public ConversationChannel Channel { get; set; }
    public int? Minutes { get; set; }

    /// <summary>How they use the product.</summary>
    public string? ProductUse { get; set; }

    /// <summary>The value they get from it.</summary>
    public string? Value { get; set; }
    public Sentiment? Sentiment { get; set; }

    /// <summary>How they feel about it, in their words.</summary>
    public string? Feeling { get; set; }
    public string? Learned { get; set; }

    /// <summary>What is to follow, as the executive wrote it; open until marked done.</summary>
    public string? FollowUps { get; set; }
    public bool FollowUpsDone { get; set; }

    /// <summary>The give the conversation is in the contact's ledger.</summary>
    public Guid? EngagementId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An executive's own yearly target of conversations, set by an admin; without one the program's default applies.</summary>
public sealed class ExecutiveTarget
{
    public Guid ExecutiveId { get; set; }
    public int ConversationsPerYear { get; set; }
}

/// <summary>An executive paired with a key account as its sponsor; an account has at most one.</summary>
public sealed class ExecutiveSponsor
{
    public Guid AccountId { get; set; }
    public Guid ExecutiveId { get; set; }
    public User? Executive { get; set; }
    public DateOnly Since { get; set; }
}

internal sealed class ExecutiveConversationConfiguration : IEntityTypeConfiguration<ExecutiveConversation>
{
    public void Configure(EntityTypeBuilder<ExecutiveConversation> builder)
    {
        builder.ToTable("ExecutiveConversations");
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Sentiment).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.ProductUse).HasMaxLength(ExecutiveConversation.TextMaxLength);
        builder.Property(c => c.Value).HasMaxLength(ExecutiveConversation.TextMaxLength);
        builder.Property(c => c.Feeling).HasMaxLength(ExecutiveConversation.TextMaxLength);
        builder.Property(c => c.Learned).HasMaxLength(ExecutiveConversation.TextMaxLength);
        builder.Property(c => c.FollowUps).HasMaxLength(ExecutiveConversation.TextMaxLength);
        builder.HasOne(c => c.Executive).WithMany().HasForeignKey(c => c.ExecutiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(c => c.EngagementId).OnDelete(DeleteBehavior.SetNull);
        // An executive's progress counts their conversations of the year and lists their latest: one range of this index.
        builder.HasIndex(c => new { c.ExecutiveId, c.HeldOn });
        // The account's page shows its last executive conversation.
        builder.HasIndex(c => new { c.AccountId, c.HeldOn });
        builder.HasIndex(c => c.ContactId);
        builder.HasIndex(c => c.HeldOn);
    }
}

internal sealed class ExecutiveTargetConfiguration : IEntityTypeConfiguration<ExecutiveTarget>
{
    public void Configure(EntityTypeBuilder<ExecutiveTarget> builder)
    {
        builder.ToTable("ExecutiveTargets");
        builder.HasKey(t => t.ExecutiveId);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.ExecutiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExecutiveSponsorConfiguration : IEntityTypeConfiguration<ExecutiveSponsor>
{
    public void Configure(EntityTypeBuilder<ExecutiveSponsor> builder)
    {
        builder.ToTable("ExecutiveSponsors");
        builder.HasKey(s => s.AccountId);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Executive).WithMany().HasForeignKey(s => s.ExecutiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ExecutiveId);
    }
}
