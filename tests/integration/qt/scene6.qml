// The Qt 6 scene of qt/quick.sh: scene5.qml's, but for its ShaderEffect (see below). Colours
// are the test's probes: keep them as scene5.qml has them.
import QtQuick
import QtQuick.Window

Window {
    width: 480
    height: 320
    visible: true
    color: "#404040"
    title: "gpupipe qt6-quick"

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
    // Qt 6 takes only shaders baked by its qsb tool: a rectangle of the ShaderEffect's colour.
    Rectangle { x: 20; y: 170; width: 200; height: 120; color: "#4060df" }
    Text {
        x: 240; y: 160; text: "gpupipe"; color: "#ffffff"; font.pixelSize: 40
    }
    Rectangle {
        x: 320; y: 220; width: 70; height: 70; color: "#f0d020"
        RotationAnimation on rotation { from: 0; to: 360; duration: 3000; loops: Animation.Infinite }
    }
}
