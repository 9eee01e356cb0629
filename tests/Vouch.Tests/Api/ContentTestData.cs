using System.Net.Http.Headers;
using System.Net.Http.Json;
using Vouch.Features.Content;

namespace Vouch.Tests.Api;

/// <summary>What the content tests make for themselves: an account, content about it, files of a given type.</summary>
public static class ContentTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly byte[] PdfHead = "%PDF-1.7\n"u8.ToArray();

    /// <summary>A file of <paramref name="length"/> bytes that starts like <paramref name="head"/> and is random after it.</summary>
    public static byte[] File(byte[] head, int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }

    public static async Task<Guid> AddAccountAsync(HttpClient manager)
    {
        using var response = await manager.PostAsJsonAsync("/api/v1/accounts", new { name = $"Content customer {Guid.NewGuid():N}" }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>(Ct))!.Id;
    }

    public static async Task<ContentResponse> AddContentAsync(HttpClient manager, object? body = null)
    {
        var accountId = await AddAccountAsync(manager);
        using var response = await manager.PostAsJsonAsync("/api/v1/content",
            body ?? new { title = "How Northwind cut onboarding in half", kind = "CaseStudy", accountId, stage = "Decision" }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ContentResponse>(Ct))!;
    }

    public static async Task<ContentResponse> ApproveAsync(HttpClient manager, Guid id, DateOnly? until = null)
    {
        using var response = await manager.PostAsJsonAsync($"/api/v1/content/{id}/state", new { state = "Approved", approvedUntil = until }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ContentResponse>(Ct))!;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] bytes, string fileName, string declaredType = "application/octet-stream") =>
        await UploadAsync(client, id, new ByteArrayContent(bytes), fileName, declaredType);

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, HttpContent file, string fileName, string declaredType = "application/octet-stream")
    {
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        return await client.PostAsync($"/api/v1/content/{id}/file", form, Ct);
    }

    private sealed record IdOnly(Guid Id);
}
