namespace Orleans.Render.Models.Uploads;

/// <summary>How <c>onsuccess</c> / <c>onerror</c> is called: impossible.io's GET with <c>msg</c> in the query, or a POST with a JSON body.</summary>
[GenerateSerializer, Alias("render.v1.CallbackMethod")]
public enum CallbackMethod
{
    Get,
    Post,
}
