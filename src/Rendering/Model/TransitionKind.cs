namespace Orleans.Render.Rendering.Model;

public enum TransitionKind
{
    Crossfade,
    FadeBlack,
    WipeLeft,
    WipeRight,
    WipeUp,
    WipeDown,
    SlideLeft,
    SlideRight,
    SlideUp,
    SlideDown,
    Custom,
}
