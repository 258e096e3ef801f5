// The Qt 5 scene of qt/quick.sh: what Qt Quick 2 draws with its own shaders (solid
// rectangles, a gradient, text from its glyph atlas), an app's own GLSL (ShaderEffect) and a
// turning square that keeps frames coming. Colours are the test's probes: keep them apart
// (scene6.qml has the same ones).
import QtQuick 2.15
import QtQuick.Window 2.15

Window {
    width: 480
    height: 320
    visible: true
    color: "#404040"
    title: "gpupipe qt5-quick"

    Rectangle { x: 20; y: 20; width: 200; height: 120; color: "#e04020" }
    Rectangle {
        x: 260; y: 20; width: 200; height: 120
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#20c060" }
            GradientStop { position: 0.49; color: "#20c060" }
            GradientStop { position: 0.51; color: "#c020a0" }
            GradientStop { position: 1.0; color: "#c020a0" }
        }
    }
    ShaderEffect {
        x: 20; y: 170; width: 200; height: 120
        fragmentShader: "
            uniform lowp float qt_Opacity;
            varying highp vec2 qt_TexCoord0;
            void main() {
                gl_FragColor = vec4(0.25, 0.375, 0.875, 1.0) * qt_Opacity;
            }"
    }
    Text {
        x: 240; y: 160; text: "gpupipe"; color: "#ffffff"; font.pixelSize: 40
    }
    Rectangle {
        x: 320; y: 220; width: 70; height: 70; color: "#f0d020"
        RotationAnimation on rotation { from: 0; to: 360; duration: 3000; loops: Animation.Infinite }
    }
}
