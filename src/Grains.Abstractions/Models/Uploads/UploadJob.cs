namespace Orleans.Render.Models.Uploads;

/// <summary>What an upload grain is started with: the token, its project, the task and where it stands in the request's list.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.UploadJob")]
public sealed record UploadJob(
    [property: Id(0)] string Token,
    [property: Id(1)] string Project,
    [property: Id(2)] int Index,
    [property: Id(3)] int TaskCount,
    [property: Id(4)] UploadTask Task)
{
    /// <summary>The key of the upload grain for task <paramref name="index"/> of <paramref name="token"/>.</summary>
    public static string KeyOf(string token, int index) => $"{token}/{index}";

    public string Key => KeyOf(Token, Index);
}
