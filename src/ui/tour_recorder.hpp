// "Record a tour": while recording, every named part of the screen the salesperson clicks (by its
// itemRect name) becomes a step; Finish opens a dialog to give each step a title and text, then
// saves the tour (effect::SaveTour) to play again or share as a .pipeboard-tour.json file.
#pragma once
#include "tour_state.hpp"
#include "ui_state.hpp"

namespace pb::ui {

void start_recording(TourUi& t);
// Drawn last, so the clicks it notes see every element of the frame.
void draw_tour_recorder(const Ctx& ctx, TourUi& t, Actions& actions);

}  // namespace pb::ui
