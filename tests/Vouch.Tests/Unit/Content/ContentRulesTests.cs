using Vouch.Features.Content;

namespace Vouch.Tests.Unit.Content;

public sealed class ContentRulesTests
{
    private static readonly DateOnly s_today = new(2026, 11, 22);

    [Theory]
    [InlineData(ApprovalState.Approved, "2026-11-21", ApprovalState.Expired)]
    [InlineData(ApprovalState.Approved, "2026-11-22", ApprovalState.Approved)]
    [InlineData(ApprovalState.Approved, null, ApprovalState.Approved)]
    [InlineData(ApprovalState.Draft, "2026-01-01", ApprovalState.Draft)]
    public void Approved_content_expires_the_day_after_its_last_approved_day(ApprovalState stored, string? until, ApprovalState expected) =>
        Assert.Equal(expected, ContentRules.StateOn(stored, until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), s_today));

    [Fact]
    public void Retired_content_only_goes_back_to_draft() =>
        Assert.Equal(
            "Content that is retired cannot become approved; it can become draft.",
            ContentRules.RefuseMove(ApprovalState.Retired, ApprovalState.Approved, null, s_today));

    [Fact]
    public void Approving_until_a_past_day_is_refused_and_until_today_is_allowed()
    {
        Assert.NotNull(ContentRules.RefuseMove(ApprovalState.Draft, ApprovalState.Approved, s_today.AddDays(-1), s_today));
        Assert.Null(ContentRules.RefuseMove(ApprovalState.Draft, ApprovalState.Approved, s_today, s_today));
    }

    [Theory]
    [InlineData(ApprovalState.Approved, 4, 5, null)]
    [InlineData(ApprovalState.Approved, 5, 5, "This content has been used 5 of the 5 times the customer allows.")]
    [InlineData(ApprovalState.Approved, 500, null, null)]
    [InlineData(ApprovalState.Expired, 0, null, "The customer's approval of this content has expired.")]
    [InlineData(ApprovalState.AwaitingCustomerApproval, 0, null, "This content is awaiting customer approval: only approved content can be used.")]
    public void Uses_are_allowed_only_for_approved_content_under_its_limit(ApprovalState state, int count, int? limit, string? refusal) =>
        Assert.Equal(refusal, ContentRules.RefuseUse(state, count, limit));
}

public sealed class ContentFileTypesTests
{
    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "a.PDF", "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "logo.png", "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "photo.jpeg", "image/jpeg")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "a.gif", "image/gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "a.webp", "image/webp")]
    [InlineData(new byte[] { 0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D }, "talk.mp4", "video/mp4")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0 }, "deck.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    public void Files_are_typed_by_their_first_bytes(byte[] head, string name, string mediaType) =>
        Assert.Equal(mediaType, ContentFileTypes.Detect(head, name).Type?.MediaType);

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "archive.zip", "'.zip' files are not accepted; the library takes PDF, PNG, JPEG, GIF, WebP, MP4, PowerPoint, Word, Excel files.")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }, "deck.pptx", "The file is named as a PowerPoint file but its content is not one (it is a Linux program).")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "README", "The file name has no extension; the library takes PDF, PNG, JPEG, GIF, WebP, MP4, PowerPoint, Word, Excel files.")]
    public void Other_files_are_refused_saying_why(byte[] head, string name, string refusal) =>
        Assert.Equal(refusal, ContentFileTypes.Detect(head, name).Refusal);

    [Theory]
    [InlineData("C:\\Users\\me\\Case study.pdf", "Case study.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a\"b;c\r\n.pdf", "a_b_c__.pdf")]
    [InlineData("...", "file")]
    [InlineData(null, "file")]
    public void File_names_keep_only_their_last_segment_without_dangerous_characters(string? name, string expected) =>
        Assert.Equal(expected, ContentFileTypes.SanitizeFileName(name));
}
