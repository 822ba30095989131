## input
